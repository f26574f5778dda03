using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SitePages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "Redirects",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "SitePageId",
                table: "Redirects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SitePages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    MenuOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SeoDescription = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SitePages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SitePages_SitePages_ParentId",
                        column: x => x.ParentId,
                        principalTable: "SitePages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Redirects_SitePageId",
                table: "Redirects",
                column: "SitePageId");

            migrationBuilder.CreateIndex(
                name: "IX_SitePages_ImportKey",
                table: "SitePages",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SitePages_ParentId",
                table: "SitePages",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_SitePages_Slug",
                table: "SitePages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SitePages_Status_ParentId_MenuOrder",
                table: "SitePages",
                columns: new[] { "Status", "ParentId", "MenuOrder" });

            migrationBuilder.AddForeignKey(
                name: "FK_Redirects_SitePages_SitePageId",
                table: "Redirects",
                column: "SitePageId",
                principalTable: "SitePages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Redirects_SitePages_SitePageId",
                table: "Redirects");

            migrationBuilder.DropTable(
                name: "SitePages");

            migrationBuilder.DropIndex(
                name: "IX_Redirects_SitePageId",
                table: "Redirects");

            migrationBuilder.DropColumn(
                name: "SitePageId",
                table: "Redirects");

            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "Redirects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
