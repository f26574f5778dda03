using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Masthead.Data;

/// <summary>
/// Keeps the database connection open for a page or endpoint of MVC, from model binding to the rendered result, once
/// its first query has opened it, instead of opening and closing it for each query. On SQLite, opening a pooled
/// connection registers EF's SQL functions again and closing it removes them: with a query or ten per page, that was a
/// tenth of the CPU of posting a comment. A request that asks nothing of EF (a comment post, whose reads are prepared
/// statements of their own) opens no connection at all.
/// </summary>
public sealed class OneConnectionPerRequest : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<MastheadDb>();
        db.ConnectionHold = ConnectionHold.Holding;
        try
        {
            await next();
        }
        finally
        {
            var held = db.ConnectionHold == ConnectionHold.Held;
            db.ConnectionHold = ConnectionHold.None;
            // EF already counts the connection closed (its closing was suppressed below); this closes it for real.
            if (held && db.Database.GetDbConnection() is { State: not ConnectionState.Closed } connection)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Keeps a held context's connection open when EF is done with a query or a transaction.</summary>
    public sealed class Interceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened(eventData);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Opened(eventData);
            return Task.CompletedTask;
        }

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            Holds(eventData) ? InterceptionResult.Suppress() : result;

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(Holds(eventData) ? InterceptionResult.Suppress() : result);

        private static void Opened(ConnectionEndEventData eventData)
        {
            if (eventData.Context is MastheadDb { ConnectionHold: ConnectionHold.Holding } db)
            {
                db.ConnectionHold = ConnectionHold.Held;
            }
        }

        private static bool Holds(ConnectionEventData eventData) => eventData.Context is MastheadDb { ConnectionHold: not ConnectionHold.None };
    }
}

/// <summary>Where a context is in holding its connection for a request (see <see cref="OneConnectionPerRequest"/>).</summary>
internal enum ConnectionHold
{
    /// <summary>EF opens and closes the connection around each query, as it does by default.</summary>
    None,
    /// <summary>The connection is kept open once a query opens it.</summary>
    Holding,
    /// <summary>A query opened the connection and it is being kept open.</summary>
    Held,
}
