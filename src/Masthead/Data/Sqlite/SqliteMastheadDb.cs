using Microsoft.EntityFrameworkCore;

namespace Masthead.Data.Sqlite;

/// <summary>The embedded default: one SQLite file in the data folder. Owns the SQLite migrations.</summary>
public sealed class SqliteMastheadDb(DbContextOptions<SqliteMastheadDb> options) : MastheadDb(options);
