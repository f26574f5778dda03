using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <summary>
    /// ArticleWords, the unstemmed words of each story for spelling suggestions and related stories, kept a copy of
    /// every story's text that nothing reads (385 MB at 100,000 stories). It becomes contentless: the index alone, its
    /// rows still deletable one by one (<c>contentless_delete</c>), its words copied over from the old table. Going back
    /// takes the words from the search index, which holds the same text.
    /// </summary>
    public partial class ArticleWordsContentless : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleWordsIndex USING fts5(words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("INSERT INTO ArticleWordsIndex(rowid, words) SELECT rowid, words FROM ArticleWords;");
            Replace(migrationBuilder, "ArticleWordsIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleWordsText USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                INSERT INTO ArticleWordsText(rowid, words)
                SELECT k.ArticleId, s.headline || ' ' || s.standfirst || ' ' || s.tags || ' ' || s.body
                FROM ArticleSearch s JOIN ArticleSearchKeys k ON k.SearchKey = s.rowid;
                """);
            Replace(migrationBuilder, "ArticleWordsText");
        }

        /// <summary>Puts <paramref name="table"/> in ArticleWords' place, with its vocabulary view.</summary>
        private static void Replace(MigrationBuilder migrationBuilder, string table)
        {
            migrationBuilder.Sql("DROP TABLE ArticleWordsVocab;");
            migrationBuilder.Sql("DROP TABLE ArticleWords;");
            migrationBuilder.Sql($"ALTER TABLE {table} RENAME TO ArticleWords;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleWordsVocab USING fts5vocab(ArticleWords, 'row');");
        }
    }
}
