using System.Globalization;
using System.Net;
using System.Text;

namespace Masthead.Admin;

/// <summary>One day of newsroom activity, in the site's time zone.</summary>
public sealed record ActivityDay(DateOnly Day, int Published, int Comments);

/// <summary>
/// Draws the dashboard's chart of stories published and comments received per day as inline SVG, on the server:
/// no script, nothing for the Content-Security-Policy to refuse, and a title and description for screen readers
/// (the page carries the same numbers as a table).
/// </summary>
public static class ActivityChart
{
    public const int Width = 720;
    public const int Height = 260;
    private const int Left = 44, Right = 16, Top = 16, Bottom = 44;
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// One point per day from <paramref name="first"/> to <paramref name="last"/>, from the counts of the days that had
    /// any: the days with no activity are filled in.
    /// </summary>
    public static IReadOnlyList<ActivityDay> Days(DateOnly first, DateOnly last, IReadOnlyDictionary<DateOnly, int> stories,
        IReadOnlyDictionary<DateOnly, int> said)
    {
        var days = new List<ActivityDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new ActivityDay(day, stories.GetValueOrDefault(day), said.GetValueOrDefault(day)));
        }
        return days;
    }

    /// <summary>The top of the vertical axis: at least the largest value, rounded up to 1, 2 or 5 times a power of ten (and at least 1).</summary>
    public static int AxisMax(int largest)
    {
        if (largest <= 1)
        {
            return 1;
        }
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(largest)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= largest)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    public static string DayLabel(DateOnly day) => day.ToString("d MMM", Culture);

    /// <param name="id">Unique on the page: the title and description are referenced by id.</param>
    public static string Svg(IReadOnlyList<ActivityDay> days, string id = "activity")
    {
        var max = AxisMax(days.Count == 0 ? 0 : days.Max(d => Math.Max(d.Published, d.Comments)));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (days.Count <= 1 ? plotWidth / 2.0 : plotWidth * i / (double)(days.Count - 1));
        double Y(int value) => Top + plotHeight - plotHeight * value / (double)max;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"activity-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">Stories published and comments received per day</title>"));
        svg.Append(Invariant($"<desc id=\"{id}-desc\">{Encode(Describe(days))}</desc>"));

        // Horizontal grid lines with the values they mark.
        foreach (var value in new[] { 0, max / 2, max }.Distinct())
        {
            var y = Y(value);
            svg.Append(Invariant($"<line class=\"chart-grid\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(Invariant($"<text class=\"chart-value\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{value}</text>"));
        }
        svg.Append(Invariant($"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"#555\"/>"));
        svg.Append(Invariant($"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"#555\"/>"));

        // A label every few days keeps them legible; the first and last day are always named.
        foreach (var i in LabelledDays(days.Count))
        {
            var x = X(i);
            svg.Append(Invariant($"<line class=\"chart-tick\" x1=\"{x:0.#}\" y1=\"{Top + plotHeight}\" x2=\"{x:0.#}\" y2=\"{Top + plotHeight + 4}\" stroke=\"#555\"/>"));
            // The first and last labels lean inwards so that neither is cut off at the edge.
            var anchor = days.Count > 1 && i == 0 ? "start" : days.Count > 1 && i == days.Count - 1 ? "end" : "middle";
            svg.Append(Invariant($"<text class=\"chart-day\" x=\"{x:0.#}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"{anchor}\" font-size=\"11\">{Encode(DayLabel(days[i].Day))}</text>"));
        }

        Series(svg, days, d => d.Published, "chart-published", "#1f5fa8", "Stories published", X, Y);
        Series(svg, days, d => d.Comments, "chart-comments", "#c8102e", "Comments received", X, Y);

        // The legend says which line is which in words, not only by colour; the comments line is also dashed.
        var legendY = Height - 10;
        svg.Append(Invariant($"<line class=\"chart-published\" x1=\"{Left}\" y1=\"{legendY - 4}\" x2=\"{Left + 24}\" y2=\"{legendY - 4}\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>"));
        svg.Append(Invariant($"<text x=\"{Left + 30}\" y=\"{legendY}\" font-size=\"12\">Stories published</text>"));
        svg.Append(Invariant($"<line class=\"chart-comments\" x1=\"{Left + 170}\" y1=\"{legendY - 4}\" x2=\"{Left + 194}\" y2=\"{legendY - 4}\" stroke=\"#c8102e\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"));
        svg.Append(Invariant($"<text x=\"{Left + 200}\" y=\"{legendY}\" font-size=\"12\">Comments received</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Which days get a label: every few days, so that about eight fit, and always the first and the last; a regular
    /// label too close to the last one gives way to it.
    /// </summary>
    public static IReadOnlyList<int> LabelledDays(int count)
    {
        if (count == 0)
        {
            return [];
        }
        var every = Math.Max(1, (int)Math.Ceiling(count / 8.0));
        var last = count - 1;
        var labelled = Enumerable.Range(0, count).Where(i => i % every == 0).ToList();
        if (labelled[^1] != last)
        {
            if (labelled[^1] != 0 && last - labelled[^1] < every / 2.0)
            {
                labelled.RemoveAt(labelled.Count - 1);
            }
            labelled.Add(last);
        }
        return labelled;
    }

    /// <summary>The chart in a sentence, for its &lt;desc&gt;.</summary>
    public static string Describe(IReadOnlyList<ActivityDay> days)
    {
        if (days.Count == 0)
        {
            return "No days to show.";
        }
        var busiest = days.MaxBy(d => d.Comments)!;
        return Invariant($"From {DayLabel(days[0].Day)} to {DayLabel(days[^1].Day)}: {days.Sum(d => d.Published)} stories published and {days.Sum(d => d.Comments)} comments received") +
            (busiest.Comments > 0 ? Invariant($"; most comments on {DayLabel(busiest.Day)} ({busiest.Comments}).") : ".");
    }

    private static void Series(StringBuilder svg, IReadOnlyList<ActivityDay> days, Func<ActivityDay, int> value, string cssClass, string colour, string name,
        Func<int, double> x, Func<int, double> y)
    {
        var dashes = cssClass == "chart-comments" ? " stroke-dasharray=\"5 3\"" : "";
        var points = string.Join(' ', days.Select((d, i) => Invariant($"{x(i):0.#},{y(value(d)):0.#}")));
        svg.Append(Invariant($"<g class=\"{cssClass}\"><polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dashes} points=\"{points}\"/>"));
        for (var i = 0; i < days.Count; i++)
        {
            svg.Append(Invariant($"<circle cx=\"{x(i):0.#}\" cy=\"{y(value(days[i])):0.#}\" r=\"2.5\" fill=\"{colour}\"><title>{Encode(name)}, {Encode(DayLabel(days[i].Day))}: {value(days[i])}</title></circle>"));
        }
        svg.Append("</g>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
