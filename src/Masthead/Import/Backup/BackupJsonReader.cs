using System.Text.Json;

namespace Masthead.Import.Backup;

/// <summary>
/// Reads a backup from a stream one token or one array item at a time, so only the item being read is in memory
/// (the buffer grows to the largest single item, e.g. one article with its revisions, never to the file). Errors
/// name the line and the byte position in that line, counted over the whole file.
/// </summary>
internal sealed class BackupJsonReader(Stream stream)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private long _line = 1;
    private long _column;

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The property name or string just read.</summary>
    public string? Text { get; private set; }

    public JsonTokenType Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (JsonException e)
            {
                throw Located(e);
            }
            if (read)
            {
                TokenType = reader.TokenType;
                Text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                Consume(reader);
                return TokenType;
            }
            Fill();
        }
    }

    /// <summary>The next whole value (after a property name).</summary>
    public T Value<T>() => TryItem<T>(out var value) ? value : throw new BackupException($"a value was expected at {Position()}");

    /// <summary>The next item of the array being read; false at the array's end.</summary>
    public bool TryItem<T>(out T value)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            try
            {
                if (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        TokenType = reader.TokenType;
                        Consume(reader);
                        value = default!;
                        return false;
                    }
                    var probe = reader;
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || probe.TrySkip())
                    {
                        value = JsonSerializer.Deserialize<T>(ref reader, BackupFormat.Json)
                            ?? throw new BackupException($"a {typeof(T).Name[6..]} was expected, not null, at {Position()}");
                        TokenType = reader.TokenType;
                        Consume(reader);
                        return true;
                    }
                }
            }
            catch (JsonException e)
            {
                throw Located(e);
            }
            Fill();
        }
    }

    public string Position() => $"line {_line}, position {_column + 1}";

    private void Consume(Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        foreach (var b in _buffer.AsSpan(_start, consumed))
        {
            if (b == (byte)'\n')
            {
                _line++;
                _column = 0;
            }
            else
            {
                _column++;
            }
        }
        _start += consumed;
        _state = reader.CurrentState;
    }

    private void Fill()
    {
        if (_final)
        {
            throw new BackupException($"the file ends too early, at {Position()}: it is incomplete (was the copy cut short?)");
        }
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _final = read == 0;
    }

    private BackupException Located(JsonException e)
    {
        // The reader state carries the line count across buffers, so the exception's position is already the file's.
        var at = $"line {(e.LineNumber ?? _line - 1) + 1}, position {(e.BytePositionInLine ?? _column) + 1}";
        var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
        if (_final && reason.Contains("end of data", StringComparison.OrdinalIgnoreCase))
        {
            return new BackupException($"the file ends too early, at {at}: it is incomplete (was the copy cut short?)");
        }
        return new BackupException($"the file is not valid JSON at {at}: {reason}" + (e.Path is { Length: > 1 } path ? $" (at {path})" : ""));
    }
}
