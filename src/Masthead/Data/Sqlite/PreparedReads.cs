using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Masthead.Data.Sqlite;

/// <summary>
/// The few reads every comment post makes, run as statements SQLite compiles once. EF Core creates a new command
/// for each query and Microsoft.Data.Sqlite compiles its SQL again each time, finalizing it when the pooled
/// connection closes: parsing and planning those statements was about a fifth of the CPU a post cost. Here each
/// statement is prepared once on one of a few connections kept open for the purpose and then only bound and stepped.
/// Plain parameterised SQL over the tables EF maps; the comment tests run every rule through it. A statement's
/// parameters are bound by position: each call site passes the same names in the order of its first call.
/// </summary>
public sealed class PreparedReads : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _free;
    private readonly ConcurrentBag<Lane> _idle = [];
    private readonly ConcurrentBag<Lane> _all = [];

    public PreparedReads(string connectionString, int lanes)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _free = new SemaphoreSlim(lanes, lanes);
    }

    /// <summary>The first column of the first row, or <paramref name="none"/> when there is no row.</summary>
    public Task<T> ScalarAsync<T>(string sql, T none, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        ReadAsync(sql, r => r.Read() ? r.GetFieldValue<T>(0) : none, ct, parameters);

    /// <summary>Runs <paramref name="sql"/> with the parameters and hands its reader to <paramref name="read"/>.</summary>
    public async Task<T> ReadAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await _free.WaitAsync(ct);
        var lane = _idle.TryTake(out var idle) ? idle : Open();
        try
        {
            return lane.Read(sql, parameters, read);
        }
        finally
        {
            _idle.Add(lane);
            _free.Release();
        }
    }

    private Lane Open()
    {
        var lane = new Lane(new SqliteConnection(_connectionString));
        _all.Add(lane);
        return lane;
    }

    public void Dispose()
    {
        foreach (var lane in _all)
        {
            lane.Dispose();
        }
    }

    /// <summary>One open connection and the statements prepared on it, used by one caller at a time.</summary>
    private sealed class Lane(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public T Read<T>(string sql, (string Name, object? Value)[] parameters, Func<SqliteDataReader, T> read)
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }
                try
                {
                    command.Prepare();
                }
                catch
                {
                    command.Dispose();
                    throw;
                }
                _commands[sql] = command;
            }
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            }
            using var reader = command.ExecuteReader();
            return read(reader);
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
            connection.Dispose();
        }
    }
}
