using System.Data.Common;

namespace Masthead.Data;

/// <summary>Binding values to the plain SQL commands of <see cref="MastheadDb.CreateCommand"/>.</summary>
public static class DbCommandParameters
{
    /// <summary>Adds a parameter; null is bound as SQL NULL.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
