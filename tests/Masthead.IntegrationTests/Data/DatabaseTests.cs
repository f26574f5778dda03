using Masthead.Data;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
}
