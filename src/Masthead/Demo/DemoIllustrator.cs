using SkiaSharp;

namespace Masthead.Demo;

/// <summary>The kinds of drawing the illustrator can make.</summary>
internal enum Scene
{
    Skyline,
    Port,
    Chart,
    Map,
    Parliament,
    Circuit,
    Space,
    Molecule,
    Health,
    Stadium,
    Court,
    Stage,
    Landscape,
    Abstract,
}

/// <summary>A named set of colours, so that alt text can say what the picture looks like.</summary>
internal sealed record Palette(string Name, SKColor SkyTop, SKColor SkyBottom, SKColor Accent, SKColor Dark, SKColor Mid, SKColor Light);

/// <summary>
/// Draws the demo pictures with SkiaSharp: flat-colour illustrations (skylines, harbours, charts, maps, stadiums...)
/// made only from shapes, so nothing is downloaded and the same seed always gives the same bytes.
/// </summary>
internal static class DemoIllustrator
{
    private static void DrawPath(this SKCanvas c, SKPathBuilder builder, SKPaint paint)
    {
        using var path = builder.Snapshot();
        c.DrawPath(path, paint);
    }

    private static void ClipPath(this SKCanvas c, SKPathBuilder builder, bool antialias)
    {
        using var path = builder.Snapshot();
        c.ClipPath(path, antialias: antialias);
    }

    public const int Width = 1200;
    public const int Height = 675;
    public const int PortraitSize = 400;

    internal static readonly Palette[] Palettes =
    [
        new("dusk orange and violet", C(0x2b1d4e), C(0xf08a4b), C(0xffd166), C(0x1b1230), C(0x6d3b6e), C(0xfce8d5)),
        new("deep blue and gold", C(0x0b2545), C(0x3e7cb1), C(0xf4c95d), C(0x07162b), C(0x13315c), C(0xeef4ed)),
        new("teal and coral", C(0x0f4c5c), C(0x5fa8a0), C(0xff6b5b), C(0x082f38), C(0x2c7873), C(0xf1faee)),
        new("sage green and cream", C(0x5f7a61), C(0xd5e2bc), C(0xe07a5f), C(0x273c2c), C(0x819a7a), C(0xfaf3dd)),
        new("crimson and charcoal", C(0x2d2d34), C(0x6b6b76), C(0xd7263d), C(0x141418), C(0x464655), C(0xf2f2f2)),
        new("sunrise pink and blue", C(0x4a6fa5), C(0xf6bd9c), C(0xff8fab), C(0x1d2f4f), C(0x7d8fc1), C(0xfff1e6)),
        new("night navy and neon green", C(0x050a1f), C(0x14213d), C(0x39ff88), C(0x02040d), C(0x1f3b73), C(0xd6f5e3)),
        new("sand and terracotta", C(0xc9a66b), C(0xf2e3c6), C(0xb5523b), C(0x4a2c21), C(0xa0714f), C(0xfdf6ec)),
        new("storm grey and yellow", C(0x3d4451), C(0x9aa5b1), C(0xffcf3f), C(0x1f232b), C(0x5c6673), C(0xeceff1)),
        new("mint and plum", C(0x4b2840), C(0x9ed8c6), C(0xf7b32b), C(0x2a1324), C(0x8a4f7d), C(0xf0fff8)),
        new("ice blue and red", C(0xa8d0e6), C(0xeaf4f9), C(0xe63946), C(0x1d3557), C(0x457b9d), C(0xffffff)),
        new("forest green and amber", C(0x1e3d2f), C(0x6c9a6c), C(0xffb627), C(0x0f1f17), C(0x2f5d45), C(0xf5f1e3)),
    ];

    private static SKColor C(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    /// <summary>Draws one 1200x675 illustration and returns the JPEG bytes with a description for alt text.</summary>
    public static (byte[] Jpeg, string Description) Draw(Scene scene, int seed, int paletteIndex)
    {
        var rng = new Random(seed);
        var pal = Palettes[paletteIndex % Palettes.Length];
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var c = surface.Canvas;
        var description = scene switch
        {
            Scene.Skyline => Skyline(c, rng, pal),
            Scene.Port => Port(c, rng, pal),
            Scene.Chart => Chart(c, rng, pal),
            Scene.Map => Map(c, rng, pal),
            Scene.Parliament => Parliament(c, rng, pal),
            Scene.Circuit => Circuit(c, rng, pal),
            Scene.Space => Space(c, rng, pal),
            Scene.Molecule => Molecule(c, rng, pal),
            Scene.Health => Health(c, rng, pal),
            Scene.Stadium => Stadium(c, rng, pal, court: false),
            Scene.Court => Stadium(c, rng, pal, court: true),
            Scene.Stage => Stage(c, rng, pal),
            Scene.Landscape => Landscape(c, rng, pal),
            _ => Abstract(c, rng, pal),
        };
        return (Encode(surface, 80), $"{description}, in {pal.Name} tones");
    }

    /// <summary>A generic caption for a drawing that is reused across stories ("file picture").</summary>
    public static string FileCaption(Scene scene) => scene switch
    {
        Scene.Skyline => "A city skyline at the end of the working day.",
        Scene.Port => "Cranes and stacked containers on a busy quay.",
        Scene.Chart => "Market data charted over recent weeks.",
        Scene.Map => "The region at the centre of the story, shown on a map.",
        Scene.Parliament => "The parliament building, where lawmakers debate the proposals.",
        Scene.Circuit => "Circuitry of the kind found in modern data centres.",
        Scene.Space => "A distant planet and its moons against a field of stars.",
        Scene.Molecule => "A molecular model of the kind used in laboratory research.",
        Scene.Health => "Health services are under growing pressure.",
        Scene.Stadium => "The stadium under floodlights on match night.",
        Scene.Court => "The main court ahead of the final rounds.",
        Scene.Stage => "The stage set before the evening performance.",
        Scene.Landscape => "Open countryside outside the city.",
        _ => "Shapes and colour, in a composition made for this story.",
    };

    private static byte[] Encode(SKSurface surface, int quality)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    // ---------------------------------------------------------------- helpers

    private static float F(Random r, double min, double max) => (float)(min + (r.NextDouble() * (max - min)));

    private static SKColor Mix(SKColor a, SKColor b, float t) => new(
        (byte)(a.Red + ((b.Red - a.Red) * t)),
        (byte)(a.Green + ((b.Green - a.Green) * t)),
        (byte)(a.Blue + ((b.Blue - a.Blue) * t)),
        (byte)(a.Alpha + ((b.Alpha - a.Alpha) * t)));

    private static SKPaint Fill(SKColor color) => new() { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor color, float width) =>
        new() { IsAntialias = true, Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round };

    private static void VerticalGradient(SKCanvas c, SKColor top, SKColor bottom, float y0 = 0, float y1 = Height)
    {
        using var p = new SKPaint { IsAntialias = true };
        p.Shader = SKShader.CreateLinearGradient(new SKPoint(0, y0), new SKPoint(0, y1), [top, bottom], SKShaderTileMode.Clamp);
        c.DrawRect(0, y0, Width, y1 - y0, p);
    }

    private static void Glow(SKCanvas c, float x, float y, float radius, SKColor color)
    {
        using var p = new SKPaint { IsAntialias = true };
        p.Shader = SKShader.CreateRadialGradient(new SKPoint(x, y), radius, [color, color.WithAlpha(0)], SKShaderTileMode.Clamp);
        c.DrawCircle(x, y, radius, p);
    }

    private static void Sun(SKCanvas c, Random r, Palette pal, out string what)
    {
        var x = F(r, 150, 1050);
        var y = F(r, 90, 260);
        var moon = r.Next(3) == 0;
        var radius = F(r, 35, 70);
        Glow(c, x, y, radius * 3.2f, (moon ? pal.Light : pal.Accent).WithAlpha(90));
        using var p = Fill(moon ? pal.Light : pal.Accent);
        c.DrawCircle(x, y, radius, p);
        if (moon)
        {
            using var cut = Fill(Mix(pal.SkyTop, pal.SkyBottom, y / Height));
            c.DrawCircle(x + (radius * 0.45f), y - (radius * 0.2f), radius * 0.85f, cut);
        }
        what = moon ? "a crescent moon" : "a low sun";
    }

    private static void Clouds(SKCanvas c, Random r, SKColor color, int count)
    {
        using var p = Fill(color);
        for (var i = 0; i < count; i++)
        {
            var x = F(r, -50, Width);
            var y = F(r, 40, 300);
            var w = F(r, 120, 320);
            for (var k = 0; k < 4; k++)
            {
                c.DrawOval(x + (k * w / 4), y - F(r, 0, 18), w / 3, F(r, 14, 28), p);
            }
        }
    }

    private static SKPath Ridge(Random r, float baseY, float amplitude, int waves)
    {
        var path = new SKPathBuilder();
        path.MoveTo(0, Height);
        var phase1 = F(r, 0, 6.28);
        var phase2 = F(r, 0, 6.28);
        for (var x = 0; x <= Width; x += 20)
        {
            var t = x / (float)Width;
            var y = baseY - (amplitude * (0.6f * MathF.Sin((t * waves * MathF.PI) + phase1) + (0.4f * MathF.Sin((t * waves * 2.3f * MathF.PI) + phase2))));
            path.LineTo(x, y);
        }
        path.LineTo(Width, Height);
        path.Close();
        return path.Detach();
    }

    // ---------------------------------------------------------------- scenes

    private static string Skyline(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, pal.SkyTop, pal.SkyBottom);
        Sun(c, r, pal, out var sun);
        Clouds(c, r, pal.Light.WithAlpha(40), r.Next(2, 5));
        var water = r.Next(2) == 0;
        var ground = water ? 540f : 640f;
        for (var layer = 0; layer < 3; layer++)
        {
            var color = Mix(pal.Dark, pal.SkyBottom, 0.55f - (layer * 0.25f));
            using var p = Fill(color);
            using var lit = Fill(pal.Accent.WithAlpha(layer == 2 ? (byte)200 : (byte)0));
            var x = F(r, -40, 0);
            while (x < Width)
            {
                var w = F(r, 40, 110) - (layer * 5);
                var h = F(r, 90, 260) + ((2 - layer) * 60) + (r.Next(8) == 0 ? 120 : 0);
                var top = ground - h;
                c.DrawRect(x, top, w, h, p);
                switch (r.Next(6))
                {
                    case 0:
                        using (var path = new SKPathBuilder())
                        {
                            path.MoveTo(x, top);
                            path.LineTo(x + (w / 2), top - F(r, 30, 70));
                            path.LineTo(x + w, top);
                            path.Close();
                            c.DrawPath(path, p);
                        }
                        break;
                    case 1:
                        c.DrawRect(x + (w * 0.2f), top - 25, w * 0.6f, 25, p);
                        using (var antenna = Stroke(color, 3))
                        {
                            c.DrawLine(x + (w / 2), top - 25, x + (w / 2), top - 80, antenna);
                        }
                        break;
                    case 2:
                        c.DrawOval(x + (w / 2), top, w / 2, w / 3, p);
                        break;
                }
                if (layer == 2)
                {
                    for (var wy = top + 12; wy < ground - 14; wy += 18)
                    {
                        for (var wx = x + 8; wx < x + w - 10; wx += 14)
                        {
                            if (r.Next(4) == 0)
                            {
                                c.DrawRect(wx, wy, 6, 9, lit);
                            }
                        }
                    }
                }
                x += w + F(r, 0, 12);
            }
        }
        if (water)
        {
            VerticalGradient(c, Mix(pal.Dark, pal.SkyBottom, 0.3f), pal.Dark, ground, Height);
            using var line = Stroke(pal.Accent.WithAlpha(110), 3);
            for (var i = 0; i < 40; i++)
            {
                var y = F(r, ground + 8, Height - 5);
                var x = F(r, 0, Width);
                c.DrawLine(x, y, x + F(r, 20, 90), y, line);
            }
        }
        else
        {
            using var p = Fill(pal.Dark);
            c.DrawRect(0, ground, Width, Height - ground, p);
        }
        return $"Drawn illustration of a city skyline in silhouette under {sun}{(water ? ", reflected in the water of a river" : "")}";
    }

    private static string Port(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, pal.SkyTop, pal.SkyBottom, 0, 470);
        Sun(c, r, pal, out var sun);
        VerticalGradient(c, pal.Mid, pal.Dark, 470, Height);
        using var wave = Stroke(pal.Light.WithAlpha(60), 2);
        for (var i = 0; i < 50; i++)
        {
            var y = F(r, 480, Height);
            var x = F(r, 0, Width);
            c.DrawLine(x, y, x + F(r, 15, 60), y, wave);
        }
        // quay
        using var quay = Fill(Mix(pal.Dark, pal.Mid, 0.4f));
        c.DrawRect(0, 450, Width, 30, quay);
        // container stacks
        var boxColors = new[] { pal.Accent, Mix(pal.Accent, pal.Dark, 0.35f), pal.Mid, Mix(pal.Light, pal.Accent, 0.5f), Mix(pal.SkyBottom, pal.Dark, 0.3f) };
        using var box = Fill(SKColors.Black);
        using var seam = Stroke(pal.Dark.WithAlpha(120), 1.5f);
        var sx = F(r, 20, 80);
        for (var stack = 0; stack < 6; stack++)
        {
            var levels = r.Next(2, 6);
            for (var l = 0; l < levels; l++)
            {
                for (var k = 0; k < 2; k++)
                {
                    box.Color = boxColors[r.Next(boxColors.Length)];
                    var rect = new SKRect(sx + (k * 62), 450 - ((l + 1) * 26), sx + (k * 62) + 60, 450 - (l * 26) - 2);
                    c.DrawRect(rect, box);
                    c.DrawRect(rect, seam);
                }
            }
            sx += F(r, 130, 170);
            if (sx > 700)
            {
                break;
            }
        }
        // cranes
        var craneColor = Mix(pal.Dark, pal.SkyBottom, 0.15f);
        using var crane = Stroke(craneColor, 9);
        using var thin = Stroke(craneColor, 3);
        var cranes = r.Next(2, 4);
        for (var i = 0; i < cranes; i++)
        {
            var x = 180 + (i * F(r, 230, 300));
            var top = F(r, 150, 210);
            c.DrawLine(x, 450, x, top, crane);
            c.DrawLine(x + 70, 450, x + 70, top, crane);
            c.DrawLine(x, top + 60, x + 70, top + 60, crane);
            c.DrawLine(x - 120, top, x + 330, top, crane);
            c.DrawLine(x + 35, top - 60, x - 120, top, thin);
            c.DrawLine(x + 35, top - 60, x + 330, top, thin);
            c.DrawLine(x + 250, top, x + 250, top + F(r, 80, 200), thin);
        }
        // ship
        using var hull = Fill(pal.Dark);
        using var path = new SKPathBuilder();
        var shipX = F(r, 620, 760);
        path.MoveTo(shipX, 470);
        path.LineTo(shipX + 520, 470);
        path.LineTo(shipX + 480, 540);
        path.LineTo(shipX + 30, 540);
        path.Close();
        c.DrawPath(path, hull);
        for (var k = 0; k < 8; k++)
        {
            for (var l = 0; l < r.Next(1, 4); l++)
            {
                box.Color = boxColors[r.Next(boxColors.Length)];
                c.DrawRect(shipX + 60 + (k * 48), 470 - ((l + 1) * 22), 46, 20, box);
            }
        }
        c.DrawRect(shipX + 440, 400, 50, 70, hull);
        return $"Drawn illustration of container cranes, stacked containers and a cargo ship at a harbour quay under {sun}";
    }

    private static string Chart(SKCanvas c, Random r, Palette pal)
    {
        var dark = r.Next(2) == 0;
        VerticalGradient(c, dark ? pal.Dark : pal.Light, dark ? pal.SkyTop : Mix(pal.Light, pal.SkyBottom, 0.35f));
        const float left = 110, right = 1110, top = 90, bottom = 585;
        using var grid = Stroke((dark ? pal.Light : pal.Dark).WithAlpha(40), 1.5f);
        for (var i = 0; i <= 5; i++)
        {
            var y = top + ((bottom - top) * i / 5);
            c.DrawLine(left, y, right, y, grid);
        }
        using var axis = Stroke((dark ? pal.Light : pal.Dark).WithAlpha(160), 3);
        c.DrawLine(left, bottom, right, bottom, axis);
        c.DrawLine(left, top, left, bottom, axis);
        var bars = r.Next(8, 15);
        var values = new float[bars];
        var v = F(r, 0.3, 0.6);
        var drift = F(r, -0.04, 0.05);
        for (var i = 0; i < bars; i++)
        {
            v = Math.Clamp(v + drift + F(r, -0.12, 0.12), 0.08f, 0.95f);
            values[i] = v;
        }
        var slot = (right - left) / bars;
        using var bar = Fill(pal.Mid);
        for (var i = 0; i < bars; i++)
        {
            bar.Color = (i == bars - 1 ? pal.Accent : Mix(pal.Mid, dark ? pal.Light : pal.SkyTop, 0.3f)).WithAlpha(220);
            var h = values[i] * (bottom - top);
            c.DrawRoundRect(new SKRect(left + (i * slot) + (slot * 0.18f), bottom - h, left + ((i + 1) * slot) - (slot * 0.18f), bottom), 4, 4, bar);
        }
        // line series over the bars
        using var line = new SKPathBuilder();
        using var area = new SKPathBuilder();
        var points = new List<SKPoint>();
        var lv = F(r, 0.4, 0.8);
        for (var i = 0; i <= bars * 2; i++)
        {
            lv = Math.Clamp(lv + F(r, -0.08, 0.08) + (drift / 2), 0.1f, 0.97f);
            points.Add(new SKPoint(left + ((right - left) * i / (bars * 2)), bottom - (lv * (bottom - top))));
        }
        line.MoveTo(points[0]);
        area.MoveTo(left, bottom);
        foreach (var pt in points)
        {
            line.LineTo(pt);
            area.LineTo(pt);
        }
        area.LineTo(right, bottom);
        area.Close();
        using (var areaPaint = Fill(pal.Accent.WithAlpha(45)))
        {
            c.DrawPath(area, areaPaint);
        }
        using (var linePaint = Stroke(pal.Accent, 5))
        {
            linePaint.StrokeJoin = SKStrokeJoin.Round;
            c.DrawPath(line, linePaint);
        }
        using var dot = Fill(dark ? pal.Light : pal.Dark);
        c.DrawCircle(points[^1], 9, dot);
        var rising = values[^1] >= values[0];
        return $"Drawn illustration of a bar chart with a line graph, the bars {(rising ? "rising" : "falling")} from left to right";
    }

    private static SKPath Blob(Random r, float cx, float cy, float radius)
    {
        var path = new SKPathBuilder();
        var p1 = F(r, 0, 6.28);
        var p2 = F(r, 0, 6.28);
        var p3 = F(r, 0, 6.28);
        for (var i = 0; i <= 90; i++)
        {
            var a = i / 90f * MathF.PI * 2;
            var rr = radius * (1 + (0.25f * MathF.Sin((3 * a) + p1)) + (0.12f * MathF.Sin((7 * a) + p2)) + (0.05f * MathF.Sin((17 * a) + p3)));
            var pt = new SKPoint(cx + (rr * MathF.Cos(a) * 1.3f), cy + (rr * MathF.Sin(a)));
            if (i == 0)
            {
                path.MoveTo(pt);
            }
            else
            {
                path.LineTo(pt);
            }
        }
        path.Close();
        return path.Detach();
    }

    private static string Map(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, Mix(pal.SkyTop, pal.Mid, 0.5f), pal.SkyTop);
        using var grid = Stroke(pal.Light.WithAlpha(35), 1.5f);
        for (var x = 0; x <= Width; x += 100)
        {
            c.DrawLine(x, 0, x, Height, grid);
        }
        for (var y = 0; y <= Height; y += 100)
        {
            c.DrawLine(0, y, Width, y, grid);
        }
        var masses = r.Next(2, 4);
        var cities = new List<SKPoint>();
        using var land = Fill(Mix(pal.Light, pal.SkyBottom, 0.4f));
        using var coast = Stroke(pal.Dark.WithAlpha(160), 3);
        using var shelf = Stroke(pal.Light.WithAlpha(60), 14);
        for (var i = 0; i < masses; i++)
        {
            var cx = F(r, 150, 1050);
            var cy = F(r, 130, 540);
            var radius = F(r, 110, 230);
            using var blob = Blob(r, cx, cy, radius);
            c.DrawPath(blob, shelf);
            c.DrawPath(blob, land);
            c.DrawPath(blob, coast);
            for (var k = 0; k < 2; k++)
            {
                cities.Add(new SKPoint(cx + F(r, -radius * 0.6, radius * 0.6), cy + F(r, -radius * 0.5, radius * 0.5)));
            }
        }
        // borders
        using var border = Stroke(pal.Dark.WithAlpha(90), 2);
        border.PathEffect = SKPathEffect.CreateDash([10, 8], 0);
        for (var i = 0; i < masses; i++)
        {
            var a = cities[i * 2];
            c.DrawLine(a.X - 80, a.Y - 120, a.X + 60, a.Y + 130, border);
        }
        // route
        using var route = Stroke(pal.Accent, 5);
        route.PathEffect = SKPathEffect.CreateDash([18, 12], 0);
        using var routePath = new SKPathBuilder();
        routePath.MoveTo(cities[0]);
        for (var i = 1; i < cities.Count; i++)
        {
            var mid = new SKPoint(((cities[i - 1].X + cities[i].X) / 2) + F(r, -80, 80), ((cities[i - 1].Y + cities[i].Y) / 2) - F(r, 40, 120));
            routePath.QuadTo(mid, cities[i]);
        }
        c.DrawPath(routePath, route);
        using var ring = Stroke(pal.Accent, 4);
        using var dot = Fill(pal.Dark);
        foreach (var pt in cities)
        {
            c.DrawCircle(pt, 16, ring);
            c.DrawCircle(pt, 7, dot);
        }
        // compass
        using var compass = Fill(pal.Light.WithAlpha(200));
        using var needle = new SKPathBuilder();
        needle.MoveTo(1120, 40);
        needle.LineTo(1135, 100);
        needle.LineTo(1120, 90);
        needle.LineTo(1105, 100);
        needle.Close();
        c.DrawPath(needle, compass);
        return $"Drawn illustration of a stylised map with {masses} coastlines, {cities.Count} marked cities linked by a dashed route and a compass needle";
    }

    private static string Parliament(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, pal.SkyTop, pal.SkyBottom);
        Sun(c, r, pal, out var sun);
        Clouds(c, r, pal.Light.WithAlpha(50), r.Next(2, 5));
        var stone = Mix(pal.Light, pal.SkyBottom, 0.25f);
        var shade = Mix(stone, pal.Dark, 0.35f);
        using var body = Fill(stone);
        using var dark = Fill(shade);
        const float cx = 600;
        var w = F(r, 700, 900);
        var baseY = 600f;
        // steps
        for (var i = 0; i < 4; i++)
        {
            c.DrawRect(cx - (w / 2) - 40 + (i * 12), baseY - (i * 12), w + 80 - (i * 24), 12, i % 2 == 0 ? body : dark);
        }
        var topY = baseY - 48 - 220;
        c.DrawRect(cx - (w / 2), topY, w, 220, body);
        var columns = r.Next(6, 11);
        var gap = w / columns;
        for (var i = 0; i < columns; i++)
        {
            c.DrawRect(cx - (w / 2) + (i * gap) + (gap * 0.3f), topY + 30, gap * 0.4f, 185, dark);
        }
        c.DrawRect(cx - (w / 2) - 20, topY, w + 40, 30, dark);
        var dome = r.Next(2) == 0;
        string roof;
        if (dome)
        {
            c.DrawRect(cx - 120, topY - 70, 240, 70, body);
            c.DrawArc(new SKRect(cx - 130, topY - 200, cx + 130, topY + 60), 180, 180, true, body);
            c.DrawRect(cx - 12, topY - 175, 24, 40, dark);
            roof = "a dome";
        }
        else
        {
            using var pediment = new SKPathBuilder();
            pediment.MoveTo(cx - (w / 2) - 20, topY);
            pediment.LineTo(cx, topY - 110);
            pediment.LineTo(cx + (w / 2) + 20, topY);
            pediment.Close();
            c.DrawPath(pediment, body);
            roof = "a triangular pediment";
        }
        // flag
        var poleTop = dome ? topY - 270 : topY - 200;
        using var pole = Stroke(pal.Dark, 4);
        c.DrawLine(cx, poleTop, cx, dome ? topY - 170 : topY - 110, pole);
        using var flag = Fill(pal.Accent);
        using var flag2 = Fill(pal.Mid);
        c.DrawRect(cx + 2, poleTop, 80, 25, flag);
        c.DrawRect(cx + 2, poleTop + 25, 80, 25, flag2);
        // trees
        using var tree = Fill(Mix(pal.Dark, pal.Mid, 0.3f));
        for (var i = 0; i < 6; i++)
        {
            var tx = i < 3 ? F(r, 20, cx - (w / 2) - 60) : F(r, cx + (w / 2) + 60, Width - 20);
            var tr = F(r, 30, 60);
            c.DrawCircle(tx, baseY - tr + 10, tr, tree);
        }
        c.DrawRect(0, baseY + 12, Width, Height - baseY, tree);
        return $"Drawn illustration of a columned parliament building topped by {roof} and a flag, under {sun}";
    }

    private static string Circuit(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, pal.Dark, Mix(pal.Dark, pal.SkyTop, 0.6f));
        using var trace = Stroke(pal.Accent.WithAlpha(170), 3);
        trace.StrokeJoin = SKStrokeJoin.Round;
        using var node = Fill(pal.Accent);
        using var hole = Fill(pal.Dark);
        var chip = new SKRect(F(r, 380, 520), F(r, 200, 260), 0, 0);
        chip.Right = chip.Left + 260;
        chip.Bottom = chip.Top + 200;
        for (var i = 0; i < 70; i++)
        {
            var side = r.Next(4);
            var t = F(r, 0.1, 0.9);
            var start = side switch
            {
                0 => new SKPoint(chip.Left + (t * chip.Width), chip.Top),
                1 => new SKPoint(chip.Right, chip.Top + (t * chip.Height)),
                2 => new SKPoint(chip.Left + (t * chip.Width), chip.Bottom),
                _ => new SKPoint(chip.Left, chip.Top + (t * chip.Height)),
            };
            using var path = new SKPathBuilder();
            path.MoveTo(start);
            var p = start;
            var dir = side switch { 0 => new SKPoint(0, -1), 1 => new SKPoint(1, 0), 2 => new SKPoint(0, 1), _ => new SKPoint(-1, 0) };
            for (var s = 0; s < 3; s++)
            {
                var len = F(r, 40, 200);
                p = new SKPoint(p.X + (dir.X * len), p.Y + (dir.Y * len));
                path.LineTo(p);
                var turn = r.Next(3);
                if (turn == 1)
                {
                    dir = new SKPoint(Math.Sign(dir.X + dir.Y) * (dir.Y == 0 ? 1 : 0.7f), dir.Y == 0 ? 0.7f : dir.Y);
                }
                else if (turn == 2)
                {
                    dir = new SKPoint(dir.Y, dir.X);
                }
            }
            c.DrawPath(path, trace);
            c.DrawCircle(p, 8, node);
            c.DrawCircle(p, 3.5f, hole);
        }
        Glow(c, chip.MidX, chip.MidY, 330, pal.Accent.WithAlpha(60));
        using var chipPaint = Fill(Mix(pal.Dark, pal.Mid, 0.5f));
        c.DrawRoundRect(chip, 14, 14, chipPaint);
        using var pin = Fill(pal.Light.WithAlpha(200));
        for (var i = 0; i < 10; i++)
        {
            var x = chip.Left + 20 + (i * 24);
            c.DrawRect(x, chip.Top - 14, 10, 14, pin);
            c.DrawRect(x, chip.Bottom, 10, 14, pin);
        }
        using var core = Stroke(pal.Accent, 3);
        var inner = new SKRect(chip.Left + 60, chip.Top + 50, chip.Right - 60, chip.Bottom - 50);
        c.DrawRoundRect(inner, 8, 8, core);
        return "Drawn illustration of a microchip at the centre of glowing circuit-board traces";
    }

    private static string Space(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, Mix(pal.Dark, SKColors.Black, 0.5f), pal.Dark);
        using var star = Fill(SKColors.White);
        for (var i = 0; i < 260; i++)
        {
            star.Color = SKColors.White.WithAlpha((byte)r.Next(90, 255));
            c.DrawCircle(F(r, 0, Width), F(r, 0, Height), F(r, 0.6, 2.2), star);
        }
        var px = F(r, 350, 850);
        var py = F(r, 230, 450);
        var pr = F(r, 110, 170);
        using var orbit = Stroke(pal.Light.WithAlpha(60), 2);
        for (var i = 1; i <= 3; i++)
        {
            c.DrawOval(px, py, pr * (1.6f + (i * 0.55f)), pr * (0.5f + (i * 0.18f)), orbit);
        }
        Glow(c, px, py, pr * 1.6f, pal.Accent.WithAlpha(70));
        using var planet = new SKPaint { IsAntialias = true };
        planet.Shader = SKShader.CreateRadialGradient(new SKPoint(px - (pr * 0.4f), py - (pr * 0.4f)), pr * 1.6f, [pal.Light, pal.Accent, pal.Mid, pal.Dark], [0, 0.3f, 0.75f, 1], SKShaderTileMode.Clamp);
        c.DrawCircle(px, py, pr, planet);
        using var band = Stroke(pal.Dark.WithAlpha(50), 10);
        c.Save();
        using (var clip = new SKPathBuilder())
        {
            clip.AddCircle(px, py, pr);
            c.ClipPath(clip, antialias: true);
        }
        for (var i = -2; i <= 2; i++)
        {
            c.DrawLine(px - pr, py + (i * pr * 0.3f), px + pr, py + (i * pr * 0.3f) + 10, band);
        }
        c.Restore();
        var ringed = r.Next(2) == 0;
        if (ringed)
        {
            using var ring = Stroke(pal.Light.WithAlpha(170), 7);
            c.DrawOval(px, py, pr * 1.9f, pr * 0.35f, ring);
        }
        var moons = r.Next(1, 4);
        using var moon = Fill(pal.Light);
        for (var i = 0; i < moons; i++)
        {
            var a = F(r, 0, 6.28);
            var orbitIndex = i + 1;
            c.DrawCircle(px + (MathF.Cos(a) * pr * (1.6f + (orbitIndex * 0.55f))), py + (MathF.Sin(a) * pr * (0.5f + (orbitIndex * 0.18f))), F(r, 8, 20), moon);
        }
        return $"Drawn illustration of a {(ringed ? "ringed " : "")}planet with {moons} {(moons == 1 ? "moon" : "moons")} on faint orbits against a field of stars";
    }

    private static string Molecule(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, pal.Light, Mix(pal.Light, pal.SkyBottom, 0.5f));
        using var hexes = Stroke(pal.Mid.WithAlpha(30), 2);
        for (var y = 0; y < Height + 60; y += 70)
        {
            for (var x = (y / 70) % 2 * 40; x < Width + 80; x += 80)
            {
                c.DrawCircle(x, y, 30, hexes);
            }
        }
        var count = r.Next(9, 15);
        var atoms = new List<(SKPoint P, float R, SKColor C)>();
        var colors = new[] { pal.Accent, pal.Mid, pal.SkyTop, Mix(pal.Dark, pal.Mid, 0.3f) };
        var cur = new SKPoint(F(r, 420, 780), F(r, 250, 420));
        for (var i = 0; i < count; i++)
        {
            atoms.Add((cur, F(r, 34, 66), colors[r.Next(colors.Length)]));
            for (var attempt = 0; attempt < 12; attempt++)
            {
                var from = atoms[r.Next(atoms.Count)].P;
                var a = F(r, 0, 6.28);
                var d = F(r, 150, 210);
                cur = new SKPoint(Math.Clamp(from.X + (MathF.Cos(a) * d * 1.2f), 90, 1110), Math.Clamp(from.Y + (MathF.Sin(a) * d), 80, 595));
                var free = true;
                foreach (var atom in atoms)
                {
                    free &= SKPoint.Distance(atom.P, cur) > 120;
                }
                if (free)
                {
                    break;
                }
            }
        }
        using var bond = Stroke(pal.Dark.WithAlpha(150), 10);
        for (var i = 1; i < atoms.Count; i++)
        {
            var nearest = 0;
            var best = float.MaxValue;
            for (var k = 0; k < i; k++)
            {
                var d = SKPoint.Distance(atoms[i].P, atoms[k].P);
                if (d < best)
                {
                    best = d;
                    nearest = k;
                }
            }
            c.DrawLine(atoms[i].P, atoms[nearest].P, bond);
        }
        using var ball = new SKPaint { IsAntialias = true };
        foreach (var (p, radius, color) in atoms)
        {
            ball.Shader = SKShader.CreateRadialGradient(new SKPoint(p.X - (radius * 0.35f), p.Y - (radius * 0.35f)), radius * 1.4f, [SKColors.White, color, Mix(color, SKColors.Black, 0.4f)], [0, 0.35f, 1], SKShaderTileMode.Clamp);
            c.DrawCircle(p, radius, ball);
        }
        return $"Drawn illustration of a ball-and-stick molecular model with {count} atoms";
    }

    private static string Health(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, Mix(pal.Light, pal.SkyBottom, 0.2f), Mix(pal.Light, pal.SkyTop, 0.45f));
        using var cell = Fill(pal.Mid.WithAlpha(50));
        using var nucleus = Fill(pal.Mid.WithAlpha(110));
        using var membrane = Stroke(pal.Mid.WithAlpha(120), 3);
        for (var i = 0; i < 16; i++)
        {
            var x = F(r, 0, Width);
            var y = F(r, 0, Height);
            var radius = F(r, 30, 90);
            c.DrawCircle(x, y, radius, cell);
            c.DrawCircle(x, y, radius, membrane);
            c.DrawCircle(x + F(r, -10, 10), y + F(r, -10, 10), radius * 0.35f, nucleus);
        }
        // cross
        using var cross = Fill(pal.Accent.WithAlpha(230));
        var cx = F(r, 250, 950);
        var cy = F(r, 220, 330);
        c.DrawRoundRect(new SKRect(cx - 45, cy - 130, cx + 45, cy + 130), 16, 16, cross);
        c.DrawRoundRect(new SKRect(cx - 130, cy - 45, cx + 130, cy + 45), 16, 16, cross);
        // heartbeat line
        using var beat = Stroke(pal.Dark, 6);
        beat.StrokeJoin = SKStrokeJoin.Round;
        using var path = new SKPathBuilder();
        var baseY = F(r, 470, 540);
        path.MoveTo(0, baseY);
        var x0 = 0f;
        while (x0 < Width)
        {
            x0 += F(r, 90, 160);
            path.LineTo(x0, baseY);
            path.LineTo(x0 + 15, baseY - 25);
            path.LineTo(x0 + 30, baseY);
            path.LineTo(x0 + 45, baseY + 40);
            path.LineTo(x0 + 60, baseY - F(r, 90, 140));
            path.LineTo(x0 + 78, baseY + 55);
            path.LineTo(x0 + 92, baseY);
            x0 += 92;
        }
        c.DrawPath(path, beat);
        return "Drawn illustration of a medical cross above a heartbeat trace, with cells drifting in the background";
    }

    private static string Stadium(SKCanvas c, Random r, Palette pal, bool court)
    {
        VerticalGradient(c, pal.SkyTop, pal.SkyBottom, 0, 330);
        using var ground = Fill(pal.Dark);
        c.DrawRect(0, 300, Width, Height - 300, ground);
        const float cx = 600, cy = 440;
        // bowl
        using var bowl = Fill(Mix(pal.Dark, pal.Mid, 0.55f));
        c.DrawOval(cx, cy, 560, 230, bowl);
        using var tier = Fill(Mix(pal.Dark, pal.Mid, 0.8f));
        c.DrawOval(cx, cy, 500, 195, tier);
        // crowd
        using var fan = Fill(SKColors.White);
        var crowdColors = new[] { pal.Accent, pal.Light, pal.SkyBottom, pal.Mid, Mix(pal.Accent, pal.Light, 0.5f) };
        for (var i = 0; i < 900; i++)
        {
            var a = F(r, 0, 6.28);
            var t = F(r, 0.74, 0.98);
            fan.Color = crowdColors[r.Next(crowdColors.Length)].WithAlpha(200);
            c.DrawCircle(cx + (MathF.Cos(a) * 500 * t), cy + (MathF.Sin(a) * 195 * t), 2.6f, fan);
        }
        // pitch
        var surface = court ? (r.Next(2) == 0 ? new SKColor(0xc8, 0x6b, 0x3c) : new SKColor(0x3a, 0x6e, 0xa5)) : new SKColor(0x3f, 0x8f, 0x4a);
        using var pitch = Fill(surface);
        c.DrawOval(cx, cy, 350, 130, pitch);
        using var stripe = Fill(Mix(surface, SKColors.White, 0.08f));
        c.Save();
        using (var clip = new SKPathBuilder())
        {
            clip.AddOval(new SKRect(cx - 350, cy - 130, cx + 350, cy + 130));
            c.ClipPath(clip, antialias: true);
        }
        if (!court)
        {
            for (var x = cx - 350; x < cx + 350; x += 70)
            {
                c.DrawRect(x, cy - 130, 35, 260, stripe);
            }
        }
        using var lines = Stroke(SKColors.White.WithAlpha(220), 3);
        if (court)
        {
            c.DrawRect(new SKRect(cx - 190, cy - 70, cx + 190, cy + 70), lines);
            c.DrawLine(cx, cy - 80, cx, cy + 80, lines);
            c.DrawLine(cx - 190, cy, cx + 190, cy, lines);
        }
        else
        {
            c.DrawRect(new SKRect(cx - 280, cy - 95, cx + 280, cy + 95), lines);
            c.DrawLine(cx, cy - 95, cx, cy + 95, lines);
            c.DrawOval(cx, cy, 45, 30, lines);
            c.DrawRect(new SKRect(cx - 280, cy - 45, cx - 220, cy + 45), lines);
            c.DrawRect(new SKRect(cx + 220, cy - 45, cx + 280, cy + 45), lines);
        }
        c.Restore();
        // floodlights
        using var mast = Stroke(Mix(pal.Dark, pal.Light, 0.2f), 7);
        using var lamp = Fill(pal.Light);
        foreach (var x in new[] { 90f, 1110f, 300f, 900f })
        {
            var top = x is 90f or 1110f ? 90f : 150f;
            c.DrawLine(x, 330, x, top, mast);
            Glow(c, x, top, 110, pal.Light.WithAlpha(120));
            c.DrawRoundRect(new SKRect(x - 28, top - 18, x + 28, top + 10), 4, 4, lamp);
        }
        return court
            ? "Drawn illustration of a tennis court inside a packed arena under floodlights"
            : "Drawn illustration of a football stadium seen from above the stands, the pitch lit by floodlights and the crowd in coloured dots";
    }

    private static string Stage(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, Mix(pal.Dark, SKColors.Black, 0.4f), pal.Dark);
        // back wall glow
        Glow(c, 600, 330, 420, pal.Mid.WithAlpha(110));
        // floor
        using var floor = new SKPaint { IsAntialias = true };
        floor.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 520), new SKPoint(0, Height), [Mix(pal.Mid, pal.Dark, 0.4f), pal.Dark], SKShaderTileMode.Clamp);
        c.DrawRect(0, 520, Width, Height - 520, floor);
        // spotlights
        var spots = r.Next(2, 4);
        using var beam = new SKPaint { IsAntialias = true };
        for (var i = 0; i < spots; i++)
        {
            var sx = 250 + (i * 700f / Math.Max(1, spots - 1)) + F(r, -60, 60);
            var tx = 600 + F(r, -120, 120);
            using var cone = new SKPathBuilder();
            cone.MoveTo(sx - 10, 0);
            cone.LineTo(sx + 10, 0);
            cone.LineTo(tx + 120, 560);
            cone.LineTo(tx - 120, 560);
            cone.Close();
            beam.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 560), [pal.Accent.WithAlpha(20), pal.Accent.WithAlpha(90)], SKShaderTileMode.Clamp);
            c.DrawPath(cone, beam);
        }
        using var pool = Fill(pal.Accent.WithAlpha(80));
        c.DrawOval(600, 560, 190, 32, pool);
        // performer silhouette
        using var figure = Fill(Mix(pal.Dark, SKColors.Black, 0.6f));
        var fx = 600 + F(r, -60, 60);
        c.DrawCircle(fx, 340, 28, figure);
        using var bodyPath = new SKPathBuilder();
        bodyPath.MoveTo(fx - 30, 375);
        bodyPath.LineTo(fx + 30, 375);
        bodyPath.LineTo(fx + 55, 560);
        bodyPath.LineTo(fx - 55, 560);
        bodyPath.Close();
        c.DrawPath(bodyPath, figure);
        var instrument = r.Next(3);
        using var prop = Stroke(Mix(pal.Dark, SKColors.Black, 0.6f), 6);
        string what;
        if (instrument == 0)
        {
            c.DrawLine(fx + 90, 560, fx + 90, 380, prop);
            c.DrawLine(fx + 90, 380, fx + 45, 395, prop);
            what = "a performer at a microphone stand";
        }
        else if (instrument == 1)
        {
            c.DrawRoundRect(new SKRect(fx - 260, 460, fx - 80, 520), 6, 6, figure);
            c.DrawLine(fx - 250, 520, fx - 250, 560, prop);
            c.DrawLine(fx - 90, 520, fx - 90, 560, prop);
            what = "a pianist's silhouette beside a piano";
        }
        else
        {
            c.DrawLine(fx - 40, 420, fx + 70, 330, prop);
            what = "a lone performer with a raised arm";
        }
        // curtains
        using var curtain = new SKPaint { IsAntialias = true };
        var curtainColor = pal.Accent == pal.Light ? pal.Mid : Mix(pal.Accent, new SKColor(0x8b, 0x0a, 0x1a), 0.6f);
        for (var side = 0; side < 2; side++)
        {
            for (var fold = 0; fold < 6; fold++)
            {
                var x = side == 0 ? fold * 32f : Width - ((fold + 1) * 32f);
                curtain.Shader = SKShader.CreateLinearGradient(new SKPoint(x, 0), new SKPoint(x + 32, 0), [Mix(curtainColor, SKColors.Black, 0.5f), curtainColor, Mix(curtainColor, SKColors.Black, 0.5f)], SKShaderTileMode.Clamp);
                c.DrawRect(x, 0, 32, 560 - (fold * 8), curtain);
            }
        }
        curtain.Shader = null;
        curtain.Color = Mix(curtainColor, SKColors.Black, 0.3f);
        using var valance = new SKPathBuilder();
        valance.MoveTo(0, 0);
        valance.LineTo(Width, 0);
        valance.LineTo(Width, 60);
        for (var x = Width; x >= 0; x -= 100)
        {
            valance.QuadTo(x - 50, 100, x - 100, 60);
        }
        valance.Close();
        c.DrawPath(valance, curtain);
        return $"Drawn illustration of a theatre stage framed by curtains, with spotlights falling on {what}";
    }

    private static string Landscape(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, pal.SkyTop, pal.SkyBottom, 0, 450);
        Sun(c, r, pal, out var sun);
        Clouds(c, r, pal.Light.WithAlpha(60), r.Next(2, 6));
        for (var layer = 0; layer < 4; layer++)
        {
            using var ridge = Ridge(r, 300 + (layer * 85), 50 - (layer * 6), r.Next(2, 5));
            using var p = Fill(Mix(Mix(pal.Mid, pal.SkyBottom, 0.5f), pal.Dark, layer / 3.5f));
            c.DrawPath(ridge, p);
        }
        // fields
        using var field = Stroke(pal.Light.WithAlpha(40), 3);
        for (var i = 0; i < 14; i++)
        {
            var y = 560 + (i * 9);
            c.DrawLine(0, y, Width, y - F(r, 10, 40), field);
        }
        // road
        using var road = Stroke(Mix(pal.Light, pal.SkyBottom, 0.3f), 16);
        using var roadPath = new SKPathBuilder();
        roadPath.MoveTo(F(r, 200, 1000), Height + 10);
        roadPath.CubicTo(F(r, 100, 1100), 600, F(r, 100, 1100), 520, F(r, 400, 800), 430);
        c.DrawPath(roadPath, road);
        // trees
        using var tree = Fill(Mix(pal.Dark, SKColors.Black, 0.3f));
        var trees = r.Next(5, 12);
        for (var i = 0; i < trees; i++)
        {
            var x = F(r, 20, Width - 20);
            var y = F(r, 560, 650);
            var h = F(r, 50, 90);
            using var t = new SKPathBuilder();
            t.MoveTo(x, y - h);
            t.LineTo(x + (h * 0.3f), y);
            t.LineTo(x - (h * 0.3f), y);
            t.Close();
            c.DrawPath(t, tree);
        }
        return $"Drawn illustration of rolling hills and fields crossed by a winding road under {sun}";
    }

    private static string Abstract(SKCanvas c, Random r, Palette pal)
    {
        VerticalGradient(c, pal.Light, Mix(pal.Light, pal.SkyBottom, 0.3f));
        var colors = new[] { pal.Accent, pal.Mid, pal.SkyTop, pal.Dark, pal.SkyBottom };
        using var p = Fill(SKColors.Black);
        var shapes = r.Next(9, 16);
        for (var i = 0; i < shapes; i++)
        {
            p.Color = colors[r.Next(colors.Length)].WithAlpha((byte)r.Next(150, 240));
            var x = F(r, 0, Width);
            var y = F(r, 0, Height);
            switch (r.Next(4))
            {
                case 0:
                    c.DrawCircle(x, y, F(r, 40, 200), p);
                    break;
                case 1:
                    c.DrawRect(x, y, F(r, 60, 320), F(r, 40, 260), p);
                    break;
                case 2:
                    c.DrawArc(new SKRect(x - 150, y - 150, x + 150, y + 150), r.Next(4) * 90, 180, true, p);
                    break;
                default:
                    using (var tri = new SKPathBuilder())
                    {
                        tri.MoveTo(x, y);
                        tri.LineTo(x + F(r, 80, 260), y + F(r, -40, 40));
                        tri.LineTo(x + F(r, 20, 200), y - F(r, 80, 260));
                        tri.Close();
                        c.DrawPath(tri, p);
                    }
                    break;
            }
        }
        using var line = Stroke(pal.Dark, 6);
        for (var i = 0; i < 3; i++)
        {
            c.DrawLine(F(r, 0, Width), F(r, 0, Height), F(r, 0, Width), F(r, 0, Height), line);
        }
        return "Drawn illustration of an abstract composition of overlapping circles, blocks and triangles";
    }

    // ---------------------------------------------------------------- portraits

    private static readonly SKColor[] SkinTones =
    [
        new(0xf1, 0xc2, 0x9a), new(0xe0, 0xac, 0x69), new(0xc6, 0x86, 0x42), new(0x8d, 0x55, 0x24), new(0x5c, 0x3a, 0x21), new(0xff, 0xdb, 0xac),
    ];

    private static readonly (string Name, SKColor Color)[] HairColors =
    [
        ("black", new(0x1c, 0x17, 0x14)), ("dark brown", new(0x3b, 0x24, 0x17)), ("auburn", new(0x8a, 0x3b, 0x1e)),
        ("blond", new(0xd8, 0xb0, 0x6a)), ("grey", new(0x9e, 0x9e, 0x9e)),
    ];

    /// <summary>A drawn head-and-shoulders avatar, 400x400.</summary>
    public static (byte[] Jpeg, string Description) Portrait(int seed, int skinIndex, int hairIndex, bool longHair, bool glasses)
    {
        var rng = new Random(seed);
        var pal = Palettes[rng.Next(Palettes.Length)];
        const int s = PortraitSize;
        var info = new SKImageInfo(s, s, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var c = surface.Canvas;
        using (var bg = new SKPaint { IsAntialias = true })
        {
            bg.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(s, s), [pal.SkyBottom, pal.SkyTop], SKShaderTileMode.Clamp);
            c.DrawRect(0, 0, s, s, bg);
        }
        Glow(c, s * 0.7f, s * 0.3f, 220, pal.Light.WithAlpha(70));
        // A loose pattern of rings behind the sitter, like a studio backdrop.
        using (var ring = Stroke(pal.Light.WithAlpha(45), 3))
        {
            for (var i = 0; i < 26; i++)
            {
                c.DrawCircle(rng.Next(s), rng.Next(s), rng.Next(10, 60), ring);
            }
        }
        using (var dots = Fill(pal.Accent.WithAlpha(90)))
        {
            for (var i = 0; i < 60; i++)
            {
                c.DrawCircle(rng.Next(s), rng.Next(s), (float)(1.5 + (rng.NextDouble() * 3)), dots);
            }
        }
        var skin = SkinTones[skinIndex % SkinTones.Length];
        var (hairName, hairColor) = HairColors[hairIndex % HairColors.Length];
        using var hair = Fill(hairColor);
        using var skinPaint = Fill(skin);
        if (longHair)
        {
            c.DrawRoundRect(new SKRect(118, 110, 282, 330), 70, 70, hair);
        }
        // shoulders and jacket
        var jacket = Mix(pal.Dark, pal.Mid, (float)rng.NextDouble() * 0.6f);
        using var jacketPaint = Fill(jacket);
        c.DrawRoundRect(new SKRect(60, 300, 340, 470), 90, 90, jacketPaint);
        using var shirt = Fill(pal.Light);
        using var collar = new SKPathBuilder();
        collar.MoveTo(170, 300);
        collar.LineTo(230, 300);
        collar.LineTo(200, 365);
        collar.Close();
        c.DrawPath(collar, shirt);
        c.DrawRect(178, 250, 44, 55, skinPaint);
        // head
        c.DrawOval(200, 195, 72, 88, skinPaint);
        c.DrawOval(128, 200, 12, 20, skinPaint);
        c.DrawOval(272, 200, 12, 20, skinPaint);
        // hair on top
        c.Save();
        using (var clip = new SKPathBuilder())
        {
            clip.AddRect(new SKRect(100, 80, 300, 172));
            c.ClipPath(clip, antialias: true);
        }
        c.DrawOval(200, 180, 80, 95, hair);
        c.Restore();
        if (rng.Next(2) == 0)
        {
            c.DrawOval(170, 130, 50, 28, hair);
        }
        // face
        using var feature = Fill(Mix(skin, SKColors.Black, 0.7f));
        c.DrawCircle(175, 200, 6, feature);
        c.DrawCircle(225, 200, 6, feature);
        using var brow = Stroke(hairColor, 5);
        c.DrawLine(160, 182, 188, 179, brow);
        c.DrawLine(212, 179, 240, 182, brow);
        using var mouth = Stroke(Mix(skin, new SKColor(0x80, 0x20, 0x20), 0.5f), 5);
        c.DrawArc(new SKRect(178, 222, 222, 252), 20, 140, false, mouth);
        using var nose = Stroke(Mix(skin, SKColors.Black, 0.25f), 4);
        c.DrawLine(200, 205, 196, 228, nose);
        if (glasses)
        {
            using var frame = Stroke(pal.Dark, 4);
            c.DrawCircle(175, 200, 20, frame);
            c.DrawCircle(225, 200, 20, frame);
            c.DrawLine(195, 200, 205, 200, frame);
        }
        var description = $"Drawn portrait: a smiling person with {(longHair ? "long" : "short")} {hairName} hair{(glasses ? " and glasses" : "")}, wearing a dark jacket, against a {pal.Name} background";
        return (Encode(surface, 90), description);
    }
}
