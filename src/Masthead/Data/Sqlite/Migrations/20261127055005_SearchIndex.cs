using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (SQLite's FTS5): stemmed and ranked for finding stories, unstemmed for spelling suggestions.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(headline, standfirst, body, tags, bylines, tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleWords USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleWordsVocab USING fts5vocab(ArticleWords, 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleWordsVocab;");
            migrationBuilder.Sql("DROP TABLE ArticleWords;");
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
        }
    }
}
