using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommentThreadCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CommentThreadCount",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Stories that already have comments: an approved comment starts a thread unless its parent is shown before it.
            migrationBuilder.Sql("""
                UPDATE "Articles" SET "CommentThreadCount" = (
                    SELECT COUNT(*) FROM "Comments" AS c
                    LEFT JOIN "Comments" AS p ON p."Id" = c."ParentId"
                    WHERE c."ArticleId" = "Articles"."Id" AND c."Status" = 1
                      AND (c."ParentId" IS NULL OR p."Id" IS NULL OR p."Status" <> 1
                           OR p."CreatedAt" > c."CreatedAt" OR (p."CreatedAt" = c."CreatedAt" AND p."Id" > c."Id")))
                WHERE "CommentCount" > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommentThreadCount",
                table: "Articles");
        }
    }
}
