using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <summary>
    /// SearchWords: every word of ArticleWords with the number of published stories having it, kept in step by the
    /// search index. Spelling suggestions read their candidates from it by length and first letter, and related
    /// stories their words' document counts: fts5vocab gives both only by reading every posting of the words it lists
    /// (0.2 to 0.5 s for one misspelt word at 100,000 stories). Filled from the index's own vocabulary.
    /// </summary>
    public partial class SearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE SearchWords (Word TEXT NOT NULL PRIMARY KEY, Length INTEGER NOT NULL, Stories INTEGER NOT NULL) WITHOUT ROWID;");
            migrationBuilder.Sql("CREATE INDEX IX_SearchWords_Length_Word ON SearchWords (Length, Word);");
            migrationBuilder.Sql("INSERT INTO SearchWords (Word, Length, Stories) SELECT term, length(term), doc FROM ArticleWordsVocab WHERE doc > 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE SearchWords;");
        }
    }
}
