using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchKeys : Migration
    {
        private const string CreateStoryIndex =
            "CREATE VIRTUAL TABLE ArticleSearch USING fts5(headline, standfirst, body, tags, bylines, tokenize = 'porter unicode61 remove_diacritics 2');";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The story index's row id becomes the story's search key (its publication second since 2000 times 2^28,
            // plus its id: see SearchKey), so date filters and "newest first" are ranges and orders the index reads
            // directly. ArticleSearchKeys finds a story's row when it changes. Whole seconds, rounded down and held within
            // 2^34 seconds of 2000, as SearchKey.Of makes them.
            migrationBuilder.Sql("CREATE TABLE ArticleSearchKeys (ArticleId INTEGER NOT NULL PRIMARY KEY, SearchKey INTEGER NOT NULL);");
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearchKeys(ArticleId, SearchKey)
                SELECT a.Id, (max(min(CAST(strftime('%s', substr(coalesce(a.PublishedAt, a.CreatedAt), 1, 19)) AS INTEGER) - 946684800,
                    17179869183), -17179869184) << 28) + a.Id
                FROM ArticleSearch o JOIN Articles a ON a.Id = o.rowid;
                """);
            Rekey(migrationBuilder, to: "SearchKey", from: "ArticleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rekey(migrationBuilder, to: "ArticleId", from: "SearchKey");
            migrationBuilder.Sql("DROP TABLE ArticleSearchKeys;");
        }

        /// <summary>Gives every row of the story index the row id <paramref name="to"/> of ArticleSearchKeys, in that order.</summary>
        private static void Rekey(MigrationBuilder migrationBuilder, string to, string from)
        {
            migrationBuilder.Sql("ALTER TABLE ArticleSearch RENAME TO ArticleSearchBefore;");
            migrationBuilder.Sql(CreateStoryIndex);
            migrationBuilder.Sql($"""
                INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines)
                SELECT k.{to}, o.headline, o.standfirst, o.body, o.tags, o.bylines
                FROM ArticleSearchKeys k JOIN ArticleSearchBefore o ON o.rowid = k.{from}
                ORDER BY k.{to};
                """);
            migrationBuilder.Sql("DROP TABLE ArticleSearchBefore;");
        }
    }
}
