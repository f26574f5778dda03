using System.Xml.Linq;
using Masthead.Admin;

namespace Masthead.UnitTests.Admin;

public sealed class ActivityChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateOnly First = new(2026, 10, 29);

    private static IReadOnlyList<ActivityDay> Month(Func<int, (int Published, int Comments)> values) =>
        [.. Enumerable.Range(0, 30).Select(i => new ActivityDay(First.AddDays(i), values(i).Published, values(i).Comments))];

    [Fact]
    public void Days_without_activity_are_filled_with_zeroes_from_first_to_last()
    {
        var days = ActivityChart.Days(First, First.AddDays(29),
            new Dictionary<DateOnly, int> { [First] = 2, [First.AddDays(3)] = 1 }, new Dictionary<DateOnly, int> { [First.AddDays(29)] = 1 });

        Assert.Equal(30, days.Count);
        Assert.Equal(new ActivityDay(First, 2, 0), days[0]);
        Assert.Equal(new ActivityDay(First.AddDays(3), 1, 0), days[3]);
        Assert.Equal(new ActivityDay(First.AddDays(29), 0, 1), days[29]);
        Assert.Equal(3, days.Sum(d => d.Published));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(140, 200)]
    [InlineData(501, 1000)]
    public void The_vertical_axis_ends_at_a_round_number_at_least_the_largest_value(int largest, int expected) =>
        Assert.Equal(expected, ActivityChart.AxisMax(largest));

    [Fact]
    public void The_chart_is_well_formed_svg_with_a_title_a_description_and_two_series_of_one_point_per_day()
    {
        var svg = XElement.Parse(ActivityChart.Svg(Month(i => (i % 3, i * 2))));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("activity-title activity-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Stories published and comments received per day", svg.Element(Svg + "title")!.Value);
        Assert.Contains("29 Oct to 27 Nov", svg.Element(Svg + "desc")!.Value);
        Assert.Contains("30 stories published and 870 comments received", svg.Element(Svg + "desc")!.Value);
        var published = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "chart-published");
        var comments = svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "chart-comments");
        Assert.Equal(30, published.Elements(Svg + "circle").Count());
        Assert.Equal(30, comments.Elements(Svg + "circle").Count());
        Assert.Equal(30, comments.Element(Svg + "polyline")!.Attribute("points")!.Value.Split(' ').Length);
        Assert.Equal("Comments received, 27 Nov: 58", comments.Elements(Svg + "circle").Last().Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Points_are_placed_by_value_on_a_shared_axis()
    {
        var svg = XElement.Parse(ActivityChart.Svg(Month(i => (i == 0 ? 10 : 0, i == 29 ? 20 : 0))));
        double Y(string series, int index) => double.Parse(svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == series)
            .Elements(Svg + "circle").ElementAt(index).Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture);

        var bottom = Y("chart-published", 1);
        var top = Y("chart-comments", 29);
        Assert.Equal(bottom, Y("chart-comments", 0));
        Assert.True(top < bottom);
        // 10 is half of the axis' 20: half way up.
        Assert.Equal((bottom + top) / 2, Y("chart-published", 0), precision: 0);
        var values = svg.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "chart-value").Select(t => t.Value);
        Assert.Equal(["0", "10", "20"], values);
    }

    [Fact]
    public void Day_labels_name_the_first_and_last_day_and_stay_few_enough_to_read()
    {
        var svg = XElement.Parse(ActivityChart.Svg(Month(_ => (0, 0))));

        var labels = svg.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "chart-day").Select(t => t.Value).ToList();
        Assert.Equal("29 Oct", labels[0]);
        Assert.Equal("27 Nov", labels[^1]);
        Assert.InRange(labels.Count, 6, 10);
        Assert.Contains("No days", ActivityChart.Describe([]));
        Assert.EndsWith("0 comments received.", ActivityChart.Describe(Month(_ => (0, 0))));
    }
}
