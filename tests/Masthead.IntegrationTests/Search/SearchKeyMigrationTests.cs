using Masthead.Articles;
using Masthead.Data.Sqlite;
using Masthead.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Masthead.IntegrationTests.Search;

/// <summary>A database whose story index was keyed by story id is carried over to search keys by its migration.</summary>
public sealed class SearchKeyMigrationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"masthead-search-keys-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_index_moves_to_keys_in_publication_order_keeps_every_story_and_moves_back()
    {
        await using var db = new SqliteMastheadDb(new DbContextOptionsBuilder<SqliteMastheadDb>().UseSqlite($"Data Source={_file};Pooling=False").Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261127213919_CommentThreadIndexKey");
        var section = new Section { Slug = "news", Name = "News" };
        db.Sections.Add(section);
        // Published out of id order, one a fraction of a millisecond before the next second, one before 2000.
        var dates = new[]
        {
            new DateTime(2026, 5, 1, 8, 30, 59, DateTimeKind.Utc).AddTicks(9_996_000),
            new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            new DateTime(1998, 12, 31, 23, 59, 59, DateTimeKind.Utc),
        };
        var articles = dates.Select((date, i) => new Article
        {
            Slug = $"story-{i}", Headline = $"Harbour story {i}", Standfirst = "A standfirst.", BodyMarkdown = "The harbour reopens.",
            Section = section, Status = ArticleStatus.Published, CreatedAt = date, ModifiedAt = date, PublishedAt = date,
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        foreach (var article in articles)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines) VALUES ({article.Id}, {article.Headline}, {article.Standfirst}, 'The harbour reopens.', '', '')");
        }

        await migrator.MigrateAsync();

        var rows = await Rows(db, "SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH 'harbour' ORDER BY rowid DESC");
        Assert.Equal(articles.OrderByDescending(a => a.PublishedAt).Select(a => SearchKey.Of(a.PublishedAt!.Value, a.Id)), rows);
        Assert.Equal(articles.Select(a => SearchKey.Of(a.PublishedAt!.Value, a.Id)).Order(),
            (await Rows(db, "SELECT SearchKey FROM ArticleSearchKeys")).Order());
        Assert.Equal(articles.Select(a => (long)a.Id).Order(), (await Rows(db, $"SELECT rowid & {SearchKey.IdMask} FROM ArticleSearch")).Order());
        Assert.Empty(await Rows(db, "SELECT 1 FROM sqlite_master WHERE name LIKE 'ArticleSearchBefore%'"));

        // And back: the row id is the story's id again.
        await migrator.MigrateAsync("20261127213919_CommentThreadIndexKey");
        Assert.Equal(articles.Select(a => (long)a.Id).Order(), await Rows(db, "SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH 'harbour' ORDER BY rowid"));
        Assert.Empty(await Rows(db, "SELECT 1 FROM sqlite_master WHERE name IN ('ArticleSearchKeys', 'ArticleSearchBefore')"));
    }

    private static async Task<List<long>> Rows(SqliteMastheadDb db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<long>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetInt64(0));
        }
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }
}
