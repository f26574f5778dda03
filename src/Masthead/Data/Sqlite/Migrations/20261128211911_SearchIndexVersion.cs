using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <summary>
    /// SearchIndexVersion: one row whose number goes up in every transaction that changes the search index, so that
    /// what searches found can be kept in memory for exactly one state of the index (Search/SearchCache.cs).
    /// </summary>
    public partial class SearchIndexVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE SearchIndexVersion (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Version INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO SearchIndexVersion (Id, Version) VALUES (1, 1);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE SearchIndexVersion;");
        }
    }
}
