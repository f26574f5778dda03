using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Masthead.UnitTests.Data;

/// <summary>The site runs on the model compiled to code; it must say exactly what MastheadDb's configuration says.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_the_site_runs_on_matches_the_model_configuration()
    {
        // A context given no model builds it from MastheadDb's configuration, as migrations do.
        using var configured = new Masthead.Data.Sqlite.SqliteMastheadDb(
            new DbContextOptionsBuilder<Masthead.Data.Sqlite.SqliteMastheadDb>().UseSqlite("Data Source=:memory:").Options);
        var compiled = configured.GetService<IModelRuntimeInitializer>()
            .Initialize(Masthead.Data.Sqlite.CompiledModel.SqliteMastheadDbModel.Instance, designTime: false);

        var expected = Schema(configured.Model);
        var actual = Schema(compiled);
        Assert.True(expected.SequenceEqual(actual),
            "The compiled model is out of date; from src/Masthead run: dotnet ef dbcontext optimize --context SqliteMastheadDb " +
            "--output-dir Data/Sqlite/CompiledModel --namespace Masthead.Data.Sqlite.CompiledModel, then delete the generated " +
            "SqliteMastheadDbAssemblyAttributes.cs. Configured but not compiled: " + string.Join("; ", expected.Except(actual)) +
            ". Compiled but not configured: " + string.Join("; ", actual.Except(expected)));
    }

    /// <summary>Every table, column, key, index and foreign key the model maps to, and every entity's CLR shape, one line each.</summary>
    private static List<string> Schema(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"));
            lines.AddRange(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({string.Join(",", k.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) {(i.IsUnique ? "unique" : "")}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f =>
                $"{table.Name} fk {f.Name} ({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }
        foreach (var entity in model.GetEntityTypes())
        {
            lines.AddRange(entity.GetProperties().Select(p =>
                $"{entity.Name}.{p.Name} {p.ClrType.Name} {p.GetValueConverter()?.GetType().Name} {p.GetMaxLength()} {p.ValueGenerated}"));
            lines.AddRange(entity.GetNavigations().Select(n => $"{entity.Name} -> {n.Name} {n.TargetEntityType.Name}"));
        }
        return [.. lines.Order(StringComparer.Ordinal)];
    }
}
