using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Masthead.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add X --context SqliteMastheadDb` build the model without starting the site.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SqliteMastheadDb>
{
    public SqliteMastheadDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMastheadDb>().UseSqlite("Data Source=design-time.db").Options);
}
