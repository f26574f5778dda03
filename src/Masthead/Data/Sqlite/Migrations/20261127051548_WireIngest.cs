using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WireIngest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WireFeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultTags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishAtOnce = table.Column<bool>(type: "INTEGER", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NextPollAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WireFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WireFeeds_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WireFeeds_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IngestRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WireFeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    NewStories = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IngestRuns_WireFeeds_WireFeedId",
                        column: x => x.WireFeedId,
                        principalTable: "WireFeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WireItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WireFeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Fingerprint = table.Column<long>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    DuplicateOfArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WireItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WireItems_WireFeeds_WireFeedId",
                        column: x => x.WireFeedId,
                        principalTable: "WireFeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IngestRuns_WireFeedId_StartedAt",
                table: "IngestRuns",
                columns: new[] { "WireFeedId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WireFeeds_NextPollAt",
                table: "WireFeeds",
                column: "NextPollAt");

            migrationBuilder.CreateIndex(
                name: "IX_WireFeeds_SectionId",
                table: "WireFeeds",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_WireFeeds_SourceId",
                table: "WireFeeds",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_WireItems_Key",
                table: "WireItems",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_WireItems_ReceivedAt",
                table: "WireItems",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WireItems_Url",
                table: "WireItems",
                column: "Url");

            migrationBuilder.CreateIndex(
                name: "IX_WireItems_WireFeedId",
                table: "WireItems",
                column: "WireFeedId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IngestRuns");

            migrationBuilder.DropTable(
                name: "WireItems");

            migrationBuilder.DropTable(
                name: "WireFeeds");
        }
    }
}
