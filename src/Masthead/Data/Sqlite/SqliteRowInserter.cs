using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Masthead.Data.Sqlite;

/// <summary>
/// Writes many new rows of one table through one prepared INSERT, mapped from the EF model: the table, its columns,
/// each property's value converter, and the generated key read back onto the entity. For bulk work such as an
/// import, where EF's change tracking and per-save statement building, and even ADO.NET's binding of parameters by
/// name, cost several times what SQLite spends on the rows: values are bound by position through SQLite's own API.
/// It writes on the context's connection (inside its transaction, when one is open) and tracks nothing; foreign
/// keys must already be set.
/// </summary>
public sealed class SqliteRowInserter : IAsyncDisposable
{
    private readonly MastheadDb _db;
    private readonly sqlite3 _connection;
    private readonly sqlite3_stmt _statement;
    private readonly (IClrPropertyGetter Getter, ValueConverter? Converter)[] _columns;
    private readonly IProperty? _generatedKey;

    private SqliteRowInserter(MastheadDb db, IEntityType entityType)
    {
        _db = db;
        _connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var table = entityType.GetTableMappings().Single();
        var columns = new List<(IClrPropertyGetter, ValueConverter?)>();
        var names = new List<string>();
        string? keyName = null;
        foreach (var mapping in table.ColumnMappings)
        {
            var property = mapping.Property;
            if (property.ValueGenerated != ValueGenerated.Never)
            {
                _generatedKey = property.IsPrimaryKey() && _generatedKey is null
                    ? property
                    : throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name} has a value made by the database; only a generated key is supported.");
                keyName = mapping.Column.Name;
                continue;
            }
            columns.Add((property.GetGetter(), mapping.TypeMapping.Converter));
            names.Add(mapping.Column.Name);
        }
        _columns = [.. columns];
        var sql = $"INSERT INTO {Quote(table.Table.Name)} ({string.Join(", ", names.Select(Quote))}) " +
            $"VALUES ({string.Join(", ", names.Select((_, i) => $"?{i + 1}"))})" + (keyName is null ? "" : $" RETURNING {Quote(keyName)}");
        Check(raw.sqlite3_prepare_v2(_connection, sql, out _statement));
    }

    /// <summary>An inserter for the entity type <typeparamref name="T"/>; the connection stays open until it is disposed.</summary>
    public static Task<SqliteRowInserter> OpenAsync<T>(MastheadDb db, CancellationToken ct) =>
        OpenAsync(db, db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."), ct);

    /// <summary>An inserter for a shared-type entity such as a many-to-many join table, whose rows are property bags.</summary>
    public static Task<SqliteRowInserter> OpenAsync(MastheadDb db, string entityTypeName, CancellationToken ct) =>
        OpenAsync(db, db.Model.FindEntityType(entityTypeName) ?? throw new InvalidOperationException($"{entityTypeName} is not in the model."), ct);

    private static async Task<SqliteRowInserter> OpenAsync(MastheadDb db, IEntityType entityType, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            throw new NotSupportedException("Rows are written this way on SQLite only.");
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return new SqliteRowInserter(db, entityType);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>Inserts one row from the entity's properties (or a property bag's entries) and sets its generated key.</summary>
    public void Insert(object entity)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var (getter, converter) = _columns[i];
            var value = getter.GetClrValueUsingContainingEntity(entity);
            Bind(i + 1, value is not null && converter is not null ? converter.ConvertToProvider(value) : value);
        }
        var step = raw.sqlite3_step(_statement);
        try
        {
            if (step is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
            {
                Check(step);
            }
            if (_generatedKey is not null)
            {
                if (step != raw.SQLITE_ROW)
                {
                    throw new InvalidOperationException($"The insert into {_generatedKey.DeclaringType.DisplayName()} returned no key.");
                }
                var key = raw.sqlite3_column_int64(_statement, 0);
                _generatedKey.PropertyInfo!.SetValue(entity, Convert.ChangeType(key, _generatedKey.ClrType, CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The value as Microsoft.Data.Sqlite would store it, so rows read back exactly as EF's own.</summary>
    private void Bind(int index, object? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        Enum choice => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(choice, CultureInfo.InvariantCulture)),
        DateTime time => raw.sqlite3_bind_text(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"A {value.GetType().Name} value is not written by {nameof(SqliteRowInserter)}."),
    });

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_connection).utf8_to_string(), result, raw.sqlite3_extended_errcode(_connection));
        }
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public async ValueTask DisposeAsync()
    {
        _statement?.Dispose();
        await _db.Database.CloseConnectionAsync();
    }
}
