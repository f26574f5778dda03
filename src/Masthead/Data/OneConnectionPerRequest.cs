using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Data;

/// <summary>
/// Opens the database connection once for a page or endpoint of MVC, from model binding to the rendered result,
/// instead of once for each query. On SQLite, opening a pooled connection registers EF's SQL functions again and
/// closing it removes them: with a query or ten per page, that was a tenth of the CPU of posting a comment.
/// </summary>
public sealed class OneConnectionPerRequest : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var database = context.HttpContext.RequestServices.GetRequiredService<MastheadDb>().Database;
        await database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        try
        {
            await next();
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
