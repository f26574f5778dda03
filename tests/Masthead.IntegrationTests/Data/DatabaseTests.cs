using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Masthead.IntegrationTests.Data;

public sealed class DatabaseTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    [Fact]
    public async Task The_database_is_one_sqlite_file_in_the_data_folder_in_wal_mode()
    {
        var mode = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal("wal", mode);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "masthead.db")));
    }

    [Fact]
    public async Task Migrations_are_applied_at_start_and_match_the_model()
    {
        var (pending, modelChanged) = await app.WithDbAsync(async db =>
            ((await db.Database.GetPendingMigrationsAsync()).ToList(), db.Database.HasPendingModelChanges()));

        Assert.Empty(pending);
        Assert.False(modelChanged, "The model has changes without a migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public async Task The_words_index_keeps_every_story_s_words_without_a_copy_of_its_text_and_drops_a_withdrawn_one_s()
    {
        var newsroom = new Newsroom(app);
        var article = await newsroom.PublishAsync(await newsroom.SectionAsync(), "Quokka sightings double on the island");
        var (before, down, up, copies) = await app.WithDbAsync(async db =>
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            // Back to the table that kept the text, and forward again: the migration moves the words both ways.
            var before = await StoriesWithAsync(db, "quokka");
            var counted = await Search.SearchTests.WordCountsAsync(db);
            await migrator.MigrateAsync("20261128102932_CommentRepliesIndex");
            var down = await StoriesWithAsync(db, "quokka");
            await migrator.MigrateAsync();
            var up = await StoriesWithAsync(db, "quokka");
            var copies = await db.Database.SqlQuery<long>($"SELECT count(*) AS Value FROM sqlite_master WHERE name = 'ArticleWords_content'").SingleAsync();
            // SearchWords went with the way down and came back filled from the words index: the counts kept story by
            // story before are the same.
            Assert.Equal(counted, await Search.SearchTests.WordCountsAsync(db));
            Assert.Equal(1, counted.GetValueOrDefault("quokka"));
            return (before, down, up, copies);
        });
        await newsroom.WithPublisherAsync(article.Id, (p, a) => p.WithdrawAsync(a, "Withdrawn."));
        var withdrawn = await app.WithDbAsync(db => StoriesWithAsync(db, "quokka"));

        Assert.Equal((1L, 1L, 1L), (before, down, up));
        Assert.Equal(0, copies);
        Assert.Equal(0, withdrawn);
    }

    /// <summary>How many stories the words index (whose words SearchWords counts) has the word in.</summary>
    private static Task<long> StoriesWithAsync(MastheadDb db, string word) =>
        db.Database.SqlQuery<long>($"SELECT coalesce(sum(doc), 0) AS Value FROM ArticleWordsVocab WHERE term = {word}").SingleAsync();

    [Fact]
    public async Task With_statistics_kept_the_planner_looks_a_commenter_up_by_address_not_by_status()
    {
        var article = await new Newsroom(app).PublishAsync(await new Newsroom(app).SectionAsync(), "Council publishes the budget");
        var plan = await app.WithDbAsync(async db =>
        {
            db.Comments.AddRange(Enumerable.Range(0, 400).Select(i => new Comment
            {
                ArticleId = article.Id, AuthorName = $"Reader {i}", AuthorEmail = $"reader{i}@example.org", Body = $"Comment {i}",
                Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
            await SqliteStatistics.RefreshAsync(db, CancellationToken.None);
            // The question every post asks under the "hold first comments" policy (CommentPoster.ApprovedBefore).
            var email = "new@example.org"; // a parameter, as in the poster's compiled query
            return await QueryPlanAsync(db, db.Comments.Where(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved).Select(c => c.Id));
        });

        Assert.Contains("IX_Comments_AuthorEmail", plan);
    }

    [Fact]
    public async Task Before_any_statistics_a_story_s_comments_are_read_from_its_own_index_in_page_order()
    {
        var article = await new Newsroom(app).PublishAsync(await new Newsroom(app).SectionAsync(), "Ferry timetable changes for winter");
        var plan = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            // A site whose statistics have not been gathered yet: SQLite plans from the indexes' shapes alone (ANALYZE
            // of a small table makes sure the statistics table exists to be emptied; ANALYZE sqlite_schema reloads it).
            await db.Database.ExecuteSqlRawAsync("ANALYZE Sections; DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;");
            // The article page's comment list (ReadModel.LoadCommentsAsync, as prepared): a walk of every approved
            // comment of the site in time order would make the first view of a story on a large site take most of a second.
            return await QueryPlanAsync(db, CommentCounts.PageOfThreadsSql, ("$articleId", article.Id), ("$skip", 0), ("$take", 50));
        });

        Assert.Contains("INDEX IX_Comments_ArticleId_Status_CreatedAt_Id_ParentId (ArticleId=? AND Status=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.False(plan.Split("; ").Contains("SCAN c"), $"A scan of the comments in the plan: {plan}");
    }

    [Fact]
    public async Task On_a_site_with_a_million_comments_a_page_of_threads_reads_only_its_own_comments()
    {
        var article = await new Newsroom(app).PublishAsync(await new Newsroom(app).SectionAsync(), "Harbour dredging starts in spring");
        // The statistics PRAGMA optimize keeps for a site with a million comments.
        var plan = await app.WithDbAsync(db => WithStatisticsAsync(db,
            [
                ("Comments", "IX_Comments_ParentId_ArticleId_Status_CreatedAt_Id", "1000000 3 3 3 3 1"),
                ("Comments", "IX_Comments_ArticleId_Status_CreatedAt_Id_ParentId", "1000000 870 580 125 1 1"),
            ],
            // The article page's comment list (ReadModel.LoadCommentsAsync), as prepared.
            () => QueryPlanAsync(db, CommentCounts.PageOfThreadsSql, ("$articleId", article.Id), ("$skip", 0), ("$take", 50))));

        // Either reads the whole Comments table, on every uncached article page.
        Assert.False(plan.Contains("BLOOM FILTER", StringComparison.Ordinal), $"A Bloom filter in the plan: {plan}");
        Assert.False(plan.Split("; ").Contains("SCAN c"), $"A scan of the comments in the plan: {plan}");
        Assert.Contains("SEARCH r USING COVERING INDEX IX_Comments_ParentId_ArticleId_Status_CreatedAt_Id (ParentId=? AND ArticleId=? AND Status=?)", plan);
        Assert.Contains("SCAN page; SEARCH c USING INTEGER PRIMARY KEY (rowid=?)", plan);
    }

    [Fact]
    public async Task A_tag_s_or_author_s_stories_are_counted_from_their_own_lists_not_by_checking_every_story()
    {
        var newsroom = new Newsroom(app);
        var tag = await newsroom.TagAsync("Lighthouses");
        var author = await newsroom.AuthorAsync("Ines Duarte");
        await newsroom.PublishAsync(await newsroom.SectionAsync(), "Lighthouse keepers return", authors: [author], tags: [tag]);
        var (tagged, bylined) = await app.WithDbAsync(db => WithStatisticsAsync(db, LargeSite,
            async () => (await QueryPlanAsync(db, db.Articles.Public().TaggedWith(db, tag.Id).Select(a => a.Id)),
                await QueryPlanAsync(db, db.Articles.Public().BylinedTo(db, author.Slug).Select(a => a.Id)))));

        // The tag's and the author's own rows, then each of their stories by its key: no walk of the site's stories.
        Assert.Contains("SEARCH a0 USING INDEX IX_ArticleTags_TagsId (TagsId=?)", tagged);
        Assert.Contains("SEARCH b USING INDEX IX_Bylines_AuthorId (AuthorId=?)", bylined);
        foreach (var plan in new[] { tagged, bylined })
        {
            Assert.StartsWith("SEARCH a USING COVERING INDEX IX_Articles_SearchFilter (Id=? AND Status=? AND PublishedAt>?); LIST SUBQUERY", plan);
            Assert.DoesNotContain("IX_Articles_Status_PublishedAt_Id_UpdatedAt", plan);
        }
    }

    [Fact]
    public async Task The_front_page_reads_each_section_s_newest_stories_from_its_index_not_by_numbering_every_story()
    {
        var section = await new Newsroom(app).SectionAsync();
        await new Newsroom(app).PublishAsync(section, "Ferry timetable changes");
        var plan = await app.WithDbAsync(db => WithStatisticsAsync(db, LargeSite,
            () => QueryPlanAsync(db, db.NewestPerSection(4).ToCards())));

        // Each section's newest ids from its own index, then each story by its key: no story is read but those shown.
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.Contains("SEARCH a0 USING COVERING INDEX IX_Articles_SectionId_Status_PublishedAt_Id_UpdatedAt (SectionId=? AND Status=? AND PublishedAt>?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.False(plan.Split("; ").Any(step => step.StartsWith("SCAN a", StringComparison.Ordinal)), $"A scan of the stories in the plan: {plan}");
    }

    [Fact]
    public async Task The_sitemaps_date_their_lists_from_the_indexes_without_reading_a_story_s_row()
    {
        var newsroom = new Newsroom(app);
        var tag = await newsroom.TagAsync("Harbours");
        var author = await newsroom.AuthorAsync("Lea Morin");
        await newsroom.PublishAsync(await newsroom.SectionAsync(), "Harbour dues rise", authors: [author], tags: [tag]);
        var plans = await app.WithDbAsync(db => WithStatisticsAsync(db, LargeSite,
            async () => new[]
            {
                await QueryPlanAsync(db, Masthead.Seo.SitemapDates.Stories(db), parameters: 0),
                await QueryPlanAsync(db, Masthead.Seo.SitemapDates.BySection(db), parameters: 0),
                await QueryPlanAsync(db, Masthead.Seo.SitemapDates.ByTag(db), parameters: 0),
                await QueryPlanAsync(db, Masthead.Seo.SitemapDates.ByAuthor(db), parameters: 0),
            }));

        // Every story's date comes from an index that holds it; a story's row (its body first) is never read.
        Assert.Contains("COVERING INDEX IX_Articles_Status_PublishedAt_Id_UpdatedAt (Status=? AND PublishedAt>?)", plans[0]);
        Assert.Contains("COVERING INDEX IX_Articles_SectionId_Status_PublishedAt_Id_UpdatedAt", plans[1]);
        foreach (var plan in plans)
        {
            var stories = plan.Split("; ").Where(step => step.Contains(" a ", StringComparison.Ordinal) || step.EndsWith(" a", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(stories);
            Assert.All(stories, step => Assert.Contains("COVERING INDEX", step));
        }
    }

    [Fact]
    public async Task The_newsroom_s_lists_neither_sort_every_story_nor_join_every_tagged_one()
    {
        var (recent, popular) = await app.WithDbAsync(async db =>
            (await QueryPlanAsync(db, db.Articles.AsNoTracking().OrderByDescending(a => a.ModifiedAt).ThenByDescending(a => a.Id).Take(20).Select(a => a.Id)),
                await QueryPlanAsync(db, db.Tags.AsNoTracking().OrderByDescending(TagStories.Count(db)).Take(30).Select(t => t.Name))));

        // The dashboard's and the story list's order comes from an index, read from its newest end.
        Assert.Contains("INDEX IX_Articles_ModifiedAt", recent);
        Assert.DoesNotContain("TEMP B-TREE", recent);
        // A tag's stories are counted in its own rows of the join table; the stories themselves are not read.
        Assert.Contains("IX_ArticleTags_TagsId (TagsId=?)", popular);
        var sql = await app.WithDbAsync(db => Task.FromResult(db.Tags.OrderByDescending(TagStories.Count(db)).Select(t => t.Name).ToQueryString()));
        Assert.DoesNotContain("\"Articles\"", sql);
    }

    /// <summary>
    /// The statistics PRAGMA optimize kept on a generated site of 100,000 stories in 8 sections, 6 authors and 72 tags
    /// (its sampling gives most indexes the same 1,740 rows a key).
    /// </summary>
    private static readonly (string Table, string Index, string Stat)[] LargeSite =
    [
        ("Sections", "IX_Sections_Slug", "8 1"),
        ("Articles", "IX_Articles_Status_PublishedAt_Id_UpdatedAt", "100000 1740 1 1 1"),
        ("Articles", "IX_Articles_SectionId_Status_PublishedAt_Id_UpdatedAt", "100000 1740 1740 1 1 1"),
        ("Articles", "IX_Articles_SearchFilter", "100000 1 1 1 1 1"),
        ("ArticleTags", "IX_ArticleTags_TagsId", "199884 1740"),
        ("ArticleTags", "sqlite_autoindex_ArticleTags_1", "199884 3 1"),
        ("Bylines", "IX_Bylines_AuthorId", "120040 1740"),
        ("Bylines", "sqlite_autoindex_Bylines_1", "120040 2 1"),
        ("Authors", "IX_Authors_Slug", "6 1"),
    ];

    /// <summary>
    /// Reads with SQLite's statistics replaced by the given ones (table, index, the figures ANALYZE writes), as if
    /// gathered on a large site; the statistics are put back afterwards. ANALYZE of a small table makes sure the
    /// statistics table exists; ANALYZE sqlite_schema reloads it.
    /// </summary>
    private static async Task<T> WithStatisticsAsync<T>(MastheadDb db, (string Table, string Index, string Stat)[] statistics, Func<Task<T>> read)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE Sections; CREATE TEMP TABLE kept_stat1 AS SELECT * FROM sqlite_stat1; DELETE FROM sqlite_stat1;");
        foreach (var (table, index, stat) in statistics)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES ({table}, {index}, {stat})");
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema;");
        try
        {
            return await read();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_stat1; INSERT INTO sqlite_stat1 SELECT * FROM kept_stat1; DROP TABLE kept_stat1; ANALYZE sqlite_schema;");
        }
    }

    /// <summary>SQLite's plan for a statement with the given parameters, the steps joined by "; ".</summary>
    private static async Task<string> QueryPlanAsync(MastheadDb db, string sql, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync();
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter(name, value));
        }
        return await PlanStepsAsync(command);
    }

    /// <summary>SQLite's plan for the query as EF sends it, with its parameters, the steps joined by "; ".</summary>
    private static async Task<string> QueryPlanAsync<T>(MastheadDb db, IQueryable<T> query, int parameters = 1)
    {
        await db.Database.OpenConnectionAsync();
        using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = query.ToQueryString().Split('\n');
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join("\n", sql.Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in sql.Where(line => line.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter(parts[2], parts[3].Trim('\'')));
        }
        Assert.Equal(parameters, command.Parameters.Count);
        return await PlanStepsAsync(command);
    }

    private static async Task<string> PlanStepsAsync(System.Data.Common.DbCommand command)
    {
        var rows = new List<string>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(3));
        }
        return string.Join("; ", rows);
    }
}
