using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommentThreadIndexKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_ArticleId_Status_CreatedAt_ParentId",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ArticleId_Status_CreatedAt_Id_ParentId",
                table: "Comments",
                columns: new[] { "ArticleId", "Status", "CreatedAt", "Id", "ParentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_ArticleId_Status_CreatedAt_Id_ParentId",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ArticleId_Status_CreatedAt_ParentId",
                table: "Comments",
                columns: new[] { "ArticleId", "Status", "CreatedAt", "ParentId" });
        }
    }
}
