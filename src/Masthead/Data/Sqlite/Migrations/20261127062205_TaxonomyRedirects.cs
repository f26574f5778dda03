using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaxonomyRedirects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TaxonomyRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OldSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyRedirects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyRedirects_Kind_OldSlug",
                table: "TaxonomyRedirects",
                columns: new[] { "Kind", "OldSlug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyRedirects_Kind_TargetId",
                table: "TaxonomyRedirects",
                columns: new[] { "Kind", "TargetId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaxonomyRedirects");
        }
    }
}
