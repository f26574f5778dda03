using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Comments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "Comments",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FilterReason",
                table: "Comments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ModeratedAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyReplies",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BlockedTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockedTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpamTokens",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SpamCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HamCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpamTokens", x => x.Token);
                });

            migrationBuilder.CreateTable(
                name: "SpamTraining",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    SpamComments = table.Column<int>(type: "INTEGER", nullable: false),
                    HamComments = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpamTraining", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail_CreatedAt",
                table: "Comments",
                columns: new[] { "AuthorEmail", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_IpAddress_CreatedAt",
                table: "Comments",
                columns: new[] { "IpAddress", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BlockedTerms_Kind_Value",
                table: "BlockedTerms",
                columns: new[] { "Kind", "Value" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlockedTerms");

            migrationBuilder.DropTable(
                name: "SpamTokens");

            migrationBuilder.DropTable(
                name: "SpamTraining");

            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorEmail_CreatedAt",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_IpAddress_CreatedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "FilterReason",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModeratedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "NotifyReplies",
                table: "Comments");
        }
    }
}
