using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The story index's row id becomes the story's search key (its publication second since 2000 times 2^28,
            // plus its id: see SearchKey), so date filters and "newest first" are ranges and orders the index reads
            // directly. ArticleSearchKeys finds a story's row when it changes. The rows are copied over in key order.
            migrationBuilder.Sql("ALTER TABLE ArticleSearch RENAME TO ArticleSearchById;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(headline, standfirst, body, tags, bylines, tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("CREATE TABLE ArticleSearchKeys (ArticleId INTEGER NOT NULL PRIMARY KEY, SearchKey INTEGER NOT NULL);");
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearchKeys(ArticleId, SearchKey)
                SELECT a.Id, ((CAST(strftime('%s', coalesce(a.PublishedAt, a.CreatedAt)) AS INTEGER) - 946684800) << 28) + a.Id
                FROM ArticleSearchById o JOIN Articles a ON a.Id = o.rowid;
                """);
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines)
                SELECT k.SearchKey, o.headline, o.standfirst, o.body, o.tags, o.bylines
                FROM ArticleSearchKeys k JOIN ArticleSearchById o ON o.rowid = k.ArticleId
                ORDER BY k.SearchKey;
                """);
            migrationBuilder.Sql("DROP TABLE ArticleSearchById;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE ArticleSearch RENAME TO ArticleSearchByKey;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(headline, standfirst, body, tags, bylines, tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines)
                SELECT k.ArticleId, o.headline, o.standfirst, o.body, o.tags, o.bylines
                FROM ArticleSearchKeys k JOIN ArticleSearchByKey o ON o.rowid = k.SearchKey
                ORDER BY k.ArticleId;
                """);
            migrationBuilder.Sql("DROP TABLE ArticleSearchByKey;");
            migrationBuilder.Sql("DROP TABLE ArticleSearchKeys;");
        }
    }
}
