using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The sample app as the README runs it: <c>dotnet run --project samples/ActivationGen.Samples -c Release -- --out DIR</c>.
/// It must exit 0, write every figure as a PNG of the expected size with real content, write the plotted numbers
/// (which must be the activations, checked here against an independent double-precision computation), train three
/// networks whose loss falls at least fivefold, produce the same files on a second run, and refuse to draw when
/// no font can render text. The x of every curve is on an integer grid and printed as its short decimal, and a
/// curve that jumps at a kink of its definition is drawn vertical there: two rows at the kink, left limit then right.
/// </summary>
[Trait("Category", "Sample")]
public sealed class SampleTests(SampleFixture sample, ITestOutputHelper output) : IClassFixture<SampleFixture>
{
    /// <summary>The x grids, x = i / PerUnit for First ≤ i ≤ Last: the blog's -10, -9.8, .., 9.8; the catalog's -8, -7.95, .., 8; the fit's -3, -2.98, .., 3.</summary>
    private static readonly (int First, int Last, int PerUnit) BlogGrid = (-50, 49, 5), CatalogGrid = (-160, 160, 20), FitGrid = (-150, 150, 50);

    /// <summary>
    /// The blog's function figures: f, f' written here independently of the generated kernels, and the kinks of
    /// the definition (where f or f' may jump).
    /// </summary>
    private static readonly Dictionary<string, (Func<double, double> F, Func<double, double> Df, double[] Kinks)> Blog = new()
    {
        ["sigmoid"] = (Sigmoid, SigmoidDerivative, []),
        ["sigmoid-sum"] = (SumOfSigmoids, SumOfSigmoidsDerivative, []),
        ["softplus"] = (x => Math.Log(1 + Math.Exp(x)), Sigmoid, []),
        ["relu"] = (x => Math.Max(0, x), x => x > 0 ? 1 : 0, [0]),
        ["elu"] = (x => x > 0 ? x : Math.Exp(x) - 1, x => x > 0 ? 1 : Math.Exp(x), [0]),
    };

    /// <summary>The catalog's figures: f, f' and the kinks, as for <see cref="Blog"/>.</summary>
    private static readonly Dictionary<string, (Func<double, double> F, Func<double, double> Df, double[] Kinks)> Catalog = new()
    {
        ["leaky-relu"] = (x => x > 0 ? x : 0.1 * x, x => x > 0 ? 1 : 0.1, [0]),
        ["hard-sigmoid"] = (x => Math.Clamp((x + 3) / 6, 0, 1), x => x > -3 && x < 3 ? 1.0 / 6 : 0, [-3, 3]),
        ["hard-swish"] = (x => x * Math.Clamp((x + 3) / 6, 0, 1), x => x < -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6, [-3, 3]),
        ["relu6"] = (x => Math.Clamp(x, 0, 6), x => x > 0 && x < 6 ? 1 : 0, [0, 6]),
        ["softsign"] = (x => x / (1 + Math.Abs(x)), x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))), [0]),
        ["selu"] = (x => SeluLambda * (x > 0 ? x : SeluAlpha * (Math.Exp(x) - 1)), x => SeluLambda * (x > 0 ? 1 : SeluAlpha * Math.Exp(x)), [0]),
        ["celu"] = (x => x > 0 ? x : 2 * (Math.Exp(x / 2) - 1), x => x > 0 ? 1 : Math.Exp(x / 2), [0]),
        ["gelu"] = (x => x * NormalCdf(x), x => NormalCdf(x) + x * NormalPdf(x), []),
        ["gelu-tanh"] = (x => x * Sigmoid(2 * GeluTanhArgument(x)), GeluTanhDerivative, []),
        ["silu"] = (x => x * Sigmoid(x), x => Sigmoid(x) * (1 + x * Sigmoid(-x)), []),
        ["mish"] = (x => x * Math.Tanh(Math.Log(1 + Math.Exp(x))), MishDerivative, []),
        ["tanh"] = (Math.Tanh, x => 1 / (Math.Cosh(x) * Math.Cosh(x)), []),
        ["log-sigmoid"] = (x => -Math.Log(1 + Math.Exp(-x)), x => Sigmoid(-x), []),
        ["softplus-beta2"] = (x => Math.Log(1 + Math.Exp(2 * x)) / 2, x => Sigmoid(2 * x), []),
    };

    /// <summary>
    /// The user-defined activations' figures (<c>[Activation(nameof(...))]</c> on a plain C# definition): f and f'
    /// as for <see cref="Catalog"/>, on the same grid, with no kinks.
    /// </summary>
    private static readonly Dictionary<string, (Func<double, double> F, Func<double, double> Df)> Custom = new()
    {
        ["squareplus"] = (Squareplus, SquareplusDerivative),
        ["three-sigmoids"] = (x => Sigmoid(x) + Sigmoid(x - 1) + Sigmoid(x - 2), x => SigmoidDerivative(x) + SigmoidDerivative(x - 1) + SigmoidDerivative(x - 2)),
    };

    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluLambda = 1.0507009873554804934193349852946;

    private static double NormalPdf(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

    /// <summary>
    /// Φ(x): for x ≥ -2 the one-signed series ½ + φ(x)·Σ x^(2n+1)/(1·3·…·(2n+1)); below, φ(x)·M(-x) with Mills' ratio
    /// M(a) = 1/(a + 1/(a + 2/(a + 3/(a + …)))) (Laplace's continued fraction), so the left tail keeps its digits.
    /// </summary>
    private static double NormalCdf(double x)
    {
        if (x >= -2)
        {
            double term = x, sum = x;
            for (var n = 1; n < 200 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
            {
                term *= x * x / (2 * n + 1);
                sum += term;
            }

            return 0.5 + NormalPdf(x) * sum;
        }

        var a = -x;
        var fraction = a;
        for (var k = 300; k >= 1; k--)
        {
            fraction = a + k / fraction;
        }

        return NormalPdf(x) / fraction;
    }

    private static double GeluTanhArgument(double x) => Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);

    /// <summary>d/dx of x·σ(2u), u = √(2/π)(x + 0.044715x³): σ(2u) + 2x·σ(2u)σ(-2u)·u'.</summary>
    private static double GeluTanhDerivative(double x)
    {
        var u = GeluTanhArgument(x);
        return Sigmoid(2 * u) + 2 * x * Sigmoid(2 * u) * Sigmoid(-2 * u) * Math.Sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * x * x);
    }

    /// <summary>½(x + √(x² + 4)), for x &lt; 0 as 2 / (√(x² + 4) - x), which does not cancel.</summary>
    private static double Squareplus(double x)
    {
        var root = Math.Sqrt(x * x + 4);
        return x >= 0 ? 0.5 * (x + root) : 2 / (root - x);
    }

    /// <summary>½(1 + x / √(x² + 4)) = squareplus(x) / √(x² + 4), a quotient of positive numbers.</summary>
    private static double SquareplusDerivative(double x) => Squareplus(x) / Math.Sqrt(x * x + 4);

    /// <summary>tanh(s) + x·sech²(s)·σ(x), s = softplus(x).</summary>
    private static double MishDerivative(double x)
    {
        var s = Math.Log(1 + Math.Exp(x));
        return Math.Tanh(s) + x * Sigmoid(x) / (Math.Cosh(s) * Math.Cosh(s));
    }

    /// <summary>Every PNG the sample writes, with its size in pixels. Each has a CSV of the same name.</summary>
    public static readonly (string Name, int Width, int Height)[] Figures =
    [
        ("input-data", 800, 500),
        ("sigmoid", 800, 800),
        ("sigmoid-sum", 800, 800),
        ("softplus", 800, 800),
        ("relu", 800, 800),
        ("elu", 800, 800),
        ("vanishing-gradient", 800, 800),
        .. Catalog.Keys.Select(name => ("catalog-" + name, 800, 800)),
        .. Custom.Keys.Select(name => ("custom-" + name, 800, 800)),
        ("training-loss", 800, 500),
        ("training-fit", 800, 500),
    ];

    private static readonly string[] Trained = ["sigmoid", "elu", "relu"];

    public static TheoryData<string> FigureNames => new(Figures.Select(f => f.Name));

    [Fact]
    public void Runs_and_names_every_file_by_absolute_path()
    {
        output.WriteLine(sample.Log);
        sample.AssertSucceeded();

        var written = Figures.Select(f => f.Name + ".png").Concat(Figures.Select(f => f.Name + ".csv")).Append("training-data.csv");
        foreach (var file in written)
        {
            var path = Path.Combine(sample.OutputDirectory, file);
            Assert.True(File.Exists(path), $"{path} was not written\n{sample.Log}");
            Assert.True(
                sample.Stdout.Contains("wrote " + path + " ", StringComparison.Ordinal),
                $"the output does not name {path}\n{sample.Log}");
        }

        Assert.Contains("x   sigmoid  sigmoid'", sample.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FigureNames))]
    public void Figure_is_a_png_of_the_expected_size_with_content(string name)
    {
        sample.AssertSucceeded();
        var (_, width, height) = Figures.Single(f => f.Name == name);
        var path = Path.Combine(sample.OutputDirectory, name + ".png");
        Assert.True(File.Exists(path), $"{path} was not written\n{sample.Log}");
        Assert.True(new FileInfo(path).Length > 15_000, $"{path} is only {new FileInfo(path).Length} bytes");

        var png = SamplePng.Read(path);
        Assert.Equal((width, height), (png.Width, png.Height));

        var colours = new HashSet<int>();
        var darkPerRow = new int[png.Height];
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var (r, g, b) = png.Pixel(x, y);
                colours.Add((r << 16) | (g << 8) | b);
                if ((299 * r + 587 * g + 114 * b) / 1000 < 160)
                {
                    darkPerRow[y]++;
                }
            }
        }

        // The title is black text above the data area, whose top is the first row drawn dark over most of the
        // width (the frame). Without a usable font the figure still has its frame, lines and grid, but nothing
        // above the frame.
        var frameTop = Array.FindIndex(darkPerRow, n => n > png.Width / 2);
        var titleInk = frameTop < 0 ? 0 : darkPerRow.Take(frameTop).Sum();
        var dark = darkPerRow.Sum();
        output.WriteLine($"{name}: {png.Width}x{png.Height}, {colours.Count} colours, {dark} dark pixels, frame top at row {frameTop}, {titleInk} dark pixels above it");
        Assert.True(colours.Count >= 20, $"{name}.png has only {colours.Count} distinct colours");
        Assert.True(dark > png.Width * png.Height / 100, $"{name}.png is nearly empty: {dark} dark pixels");
        Assert.True(frameTop > 0, $"{name}.png has no plot frame");
        Assert.True(titleInk > 100, $"{name}.png has no visible title: {titleInk} dark pixels above the frame (row {frameTop})");
    }

    [Fact]
    public void Input_data_is_the_blogs()
    {
        sample.AssertSucceeded();
        var csv = sample.Csv("input-data");
        Assert.Equal(new[] { "x", "y" }, csv.Header);
        AssertGridX("input-data", csv, BlogGrid, []);
        for (var i = 0; i < 100; i++)
        {
            AssertClose(100.0 * i / 99, csv.Rows[i][1], 1e-12, "input-data", "y", i);
        }
    }

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("sigmoid-sum")]
    [InlineData("softplus")]
    [InlineData("relu")]
    [InlineData("elu")]
    public void Plotted_function_and_derivative_match_an_independent_computation(string name)
    {
        sample.AssertSucceeded();
        var csv = sample.Csv(name);
        var (f, df, kinks) = Blog[name];
        if (name == "softplus")
        {
            // Plotted together with the sum of sigmoids it approximates, and that sum's derivative.
            Assert.Equal(new[] { "x", "f", "df", "sum", "sum_df" }, csv.Header);
            AssertCurves(name, csv, BlogGrid, kinks, f, df, SumOfSigmoids, SumOfSigmoidsDerivative);
        }
        else
        {
            Assert.Equal(new[] { "x", "f", "df" }, csv.Header);
            AssertCurves(name, csv, BlogGrid, kinks, f, df);
        }
    }

    public static TheoryData<string> CatalogNames => new(Catalog.Keys);

    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Catalog_figure_plots_the_function_and_its_derivative(string name)
    {
        sample.AssertSucceeded();
        var csv = sample.Csv("catalog-" + name);
        Assert.Equal(new[] { "x", "f", "df" }, csv.Header);
        var (f, df, kinks) = Catalog[name];
        AssertCurves("catalog-" + name, csv, CatalogGrid, kinks, f, df);
    }

    public static TheoryData<string> CustomNames => new(Custom.Keys);

    [Theory]
    [MemberData(nameof(CustomNames))]
    public void Custom_figure_plots_the_definition_and_its_derivative(string name)
    {
        sample.AssertSucceeded();
        var csv = sample.Csv("custom-" + name);
        Assert.Equal(new[] { "x", "f", "df" }, csv.Header);
        var (f, df) = Custom[name];
        AssertCurves("custom-" + name, csv, CatalogGrid, [], f, df);
    }

    /// <summary>
    /// The second table of the printout: x, then squareplus, its derivative, the three sigmoids and their derivative,
    /// from the span kernels, each to 5 decimals, against the formulas above.
    /// </summary>
    [Fact]
    public void Custom_table_prints_the_definitions_and_their_derivatives()
    {
        sample.AssertSucceeded();
        var lines = sample.Stdout.Split('\n').Select(l => l.TrimEnd()).ToArray();
        var header = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\s*x\s+sqplus\s+sqplus'\s+sig3\s+sig3'$"));
        Assert.True(header >= 0, $"no table headed x, sqplus, sqplus', sig3, sig3'\n{sample.Stdout}");

        double[] points = [-10, -5, -2, -1, 0, 1, 2, 5, 10];
        var (squareplus, squareplusDf) = Custom["squareplus"];
        var (sigmoids, sigmoidsDf) = Custom["three-sigmoids"];
        Func<double, double>[] columns = [squareplus, squareplusDf, sigmoids, sigmoidsDf];
        for (var row = 0; row < points.Length; row++)
        {
            var cells = lines[header + 1 + row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1 + columns.Length, cells.Length);
            Assert.Equal(points[row], double.Parse(cells[0], CultureInfo.InvariantCulture));
            for (var c = 0; c < columns.Length; c++)
            {
                // Printed to 5 decimals: within half a unit of the last place (and a hair for a value on a tie).
                var expected = columns[c](points[row]);
                var printed = double.Parse(cells[c + 1], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(printed - expected) <= 0.5e-5 + 1e-12, $"row x = {points[row]}, column {c + 1}: printed {cells[c + 1]}, expected {expected:R}");
            }
        }
    }

    [Fact]
    public void Vanishing_gradient_figure_plots_both_derivatives()
    {
        sample.AssertSucceeded();
        var csv = sample.Csv("vanishing-gradient");
        Assert.Equal(new[] { "x", "sigmoid_df", "sum_df" }, csv.Header);
        AssertCurves("vanishing-gradient", csv, BlogGrid, [], SigmoidDerivative, SumOfSigmoidsDerivative);

        // The point of the figure: at x = 5 the sigmoid's gradient has all but vanished, the sum's has not.
        var at5 = csv.Rows.Single(r => Math.Abs(r[0] - 5) < 1e-9);
        Assert.True(at5[1] < 0.01 && at5[2] > 0.9, $"at x = 5: sigmoid' = {at5[1]}, sum' = {at5[2]}");
    }

    [Fact]
    public void Training_loss_falls_at_least_fivefold_for_every_activation()
    {
        sample.AssertSucceeded();
        var csv = sample.Csv("training-loss");
        Assert.Equal(new[] { "epoch" }.Concat(Trained), csv.Header);
        for (var column = 1; column <= Trained.Length; column++)
        {
            var initial = csv.Rows[0][column];
            var final = csv.Rows[^1][column];
            output.WriteLine($"{Trained[column - 1]}: loss {initial:F4} -> {final:F4} over {csv.Rows[^1][0]} epochs");
            Assert.True(final < initial / 5, $"{Trained[column - 1]}: loss {initial} -> {final}, not 5 times lower");
        }

        // The progress lines ("sigmoid  epoch  500  loss 0.0412") print the same losses as the CSV.
        var lines = Regex.Matches(sample.Stdout, @"^(\w+) +epoch +(\d+) +loss +(\d+\.\d+)\s*$", RegexOptions.Multiline);
        foreach (var activation in Trained)
        {
            var progress = lines.Where(m => m.Groups[1].Value == activation).ToArray();
            Assert.True(progress.Length >= 3, $"fewer than 3 progress lines for {activation}\n{sample.Stdout}");
            var column = Array.IndexOf(csv.Header, activation);
            foreach (var line in progress)
            {
                var epoch = int.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture);
                var printed = double.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture);
                Assert.Equal(csv.Rows[epoch][column], printed, 4);
            }

            var first = double.Parse(progress[0].Groups[3].Value, CultureInfo.InvariantCulture);
            var last = double.Parse(progress[^1].Groups[3].Value, CultureInfo.InvariantCulture);
            Assert.True(last < first / 5, $"{activation}: printed loss {first} -> {last}, not 5 times lower");
        }
    }

    [Fact]
    public void Trained_networks_follow_the_sine()
    {
        sample.AssertSucceeded();
        var csv = sample.Csv("training-fit");
        Assert.Equal(new[] { "x", "sin" }.Concat(Trained), csv.Header);
        AssertCurves("training-fit", csv, FitGrid, [], Math.Sin);

        for (var column = 2; column < csv.Header.Length; column++)
        {
            var rms = Math.Sqrt(csv.Rows.Average(r => (r[column] - r[1]) * (r[column] - r[1])));
            output.WriteLine($"{csv.Header[column]}: RMS distance from sin(x) {rms:F4}");
            Assert.True(rms < 0.15, $"{csv.Header[column]}: the fitted function is {rms:F3} (RMS) from sin(x)");
        }

        var data = sample.Csv("training-data");
        Assert.Equal(new[] { "x", "y" }, data.Header);
        Assert.Equal(64, data.Rows.Length);
    }

    [Fact]
    public void A_second_run_prints_and_writes_the_same()
    {
        sample.AssertSucceeded();
        var again = Path.Combine(sample.WorkRoot, "again");
        var run = SampleFixture.Run("dotnet", [sample.SampleAssembly, "--out", again], sample.RepositoryRoot);
        Assert.True(run.ExitCode == 0, run.Log);

        // The same output, but for the folder named in it.
        Assert.Equal(sample.Stdout.Replace(sample.OutputDirectory, "DIR", StringComparison.Ordinal), run.Stdout.Replace(again, "DIR", StringComparison.Ordinal));

        var first = Directory.GetFiles(sample.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var second = Directory.GetFiles(again).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(first, second);
        foreach (var file in first)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(sample.OutputDirectory, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, file!))),
                $"{file} differs between two runs");
        }
    }

    /// <summary>
    /// With /usr/share/fonts hidden (a private mount namespace; needs root and util-linux's unshare) SkiaSharp finds no
    /// font and text would be blank: the sample must say so and exit non-zero without writing a figure.
    /// </summary>
    [Fact]
    public void Without_fonts_it_fails_clearly_and_draws_nothing()
    {
        sample.AssertSucceeded();
        var empty = Path.Combine(sample.WorkRoot, "no-fonts");
        var outDir = Path.Combine(sample.WorkRoot, "out-no-fonts");
        Directory.CreateDirectory(empty);
        const string Marker = "fonts hidden";
        var script = $"mount --bind '{empty}' /usr/share/fonts || exit 97; echo '{Marker}'; exec dotnet '{sample.SampleAssembly}' --out '{outDir}'";
        SampleRun run;
        try
        {
            run = SampleFixture.Run("unshare", ["-m", "sh", "-c", script], sample.RepositoryRoot);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            output.WriteLine($"not checked: unshare could not be started ({e.Message})");
            return;
        }

        output.WriteLine(run.Log);
        if (!run.Stdout.Contains(Marker, StringComparison.Ordinal))
        {
            // No mount namespace here (not root, or no unshare): the check cannot hide the fonts on this machine.
            output.WriteLine("not checked: /usr/share/fonts could not be hidden on this machine");
            return;
        }

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("cannot render text", run.Log, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", run.Log, StringComparison.Ordinal);
        Assert.True(
            !Directory.Exists(outDir) || Directory.GetFiles(outDir, "*.png").Length == 0,
            "figures were written although no font could render text");
    }

    /// <summary>
    /// A figure's curves against the test's formulas: x on the grid (<see cref="AssertGridX"/>), column c + 1 equal
    /// to columns[c](x) in every row off the kinks, and at each kink the rows <see cref="AssertKink"/> expects.
    /// </summary>
    private static void AssertCurves(string file, SampleCsv csv, (int First, int Last, int PerUnit) grid, double[] kinks, params Func<double, double>[] columns)
    {
        AssertGridX(file, csv, grid, kinks);
        for (var row = 0; row < csv.Rows.Length; row++)
        {
            var x = csv.Rows[row][0];
            if (kinks.Contains(x))
            {
                continue;
            }

            for (var c = 0; c < columns.Length; c++)
            {
                AssertClose(columns[c](x), csv.Rows[row][c + 1], 1e-9, file, csv.Header[c + 1], row);
            }
        }

        foreach (var kink in kinks)
        {
            AssertKink(file, csv, kink, 1.0 / grid.PerUnit, columns);
        }
    }

    /// <summary>
    /// The x column is the grid i / PerUnit, i = First, .., Last, in order, each x written as the short decimal
    /// (the exact quotient in <see cref="decimal"/>: "-7.2", never "-7.199999999999999"), parsing to the double
    /// i / PerUnit and printing back identically. An x may repeat on the next row only at a kink.
    /// </summary>
    private static void AssertGridX(string file, SampleCsv csv, (int First, int Last, int PerUnit) grid, double[] kinks)
    {
        var distinct = new List<double>();
        for (var row = 0; row < csv.Rows.Length; row++)
        {
            var (text, x) = (csv.Cells[row][0], csv.Rows[row][0]);
            var i = (int)Math.Round(x * grid.PerUnit);
            var decimalText = ((decimal)i / grid.PerUnit).ToString(CultureInfo.InvariantCulture);
            Assert.True(
                text == decimalText && x == (double)i / grid.PerUnit && x.ToString("R", CultureInfo.InvariantCulture) == text,
                $"{file}.csv row {row}: x is written '{text}', expected '{decimalText}' = {i}/{grid.PerUnit}");
            if (row > 0 && x == csv.Rows[row - 1][0])
            {
                Assert.True(kinks.Contains(x), $"{file}.csv row {row}: x = {text} repeats, but it is not a kink");
            }
            else
            {
                distinct.Add(x);
            }
        }

        var expected = Enumerable.Range(grid.First, grid.Last - grid.First + 1).Select(i => (double)i / grid.PerUnit);
        Assert.True(distinct.SequenceEqual(expected), $"{file}.csv: the x values are not the grid {grid.First}/{grid.PerUnit}, .., {grid.Last}/{grid.PerUnit} in order");
    }

    /// <summary>
    /// A kink of the definition: each curve's left and right limits there are its formula at the doubles just below
    /// and just above the kink. Where no curve jumps, the kink is one row holding the values at the kink. Where one
    /// does, the kink is two consecutive rows, the left limits then the right ones (a curve that does not jump has its
    /// value at the kink in both), and within a grid step of the kink no segment crosses the middle of the jump
    /// except the vertical one at the kink: no slanted jump, no point between the limits.
    /// </summary>
    private static void AssertKink(string file, SampleCsv csv, double kink, double step, Func<double, double>[] columns)
    {
        var rows = Enumerable.Range(0, csv.Rows.Length).Where(r => csv.Rows[r][0] == kink).ToArray();
        var limits = columns.Select(c => (Left: c(Math.BitDecrement(kink)), Right: c(Math.BitIncrement(kink)))).ToArray();
        var jumps = limits.Select(l => Math.Abs(l.Right - l.Left) > 1e-6).ToArray();
        var expectedRows = jumps.Contains(true) ? 2 : 1;
        Assert.True(
            rows.Length == expectedRows && rows[^1] == rows[0] + expectedRows - 1,
            $"{file}.csv has {rows.Length} rows at the kink x = {kink}, expected {expectedRows} consecutive ({(expectedRows == 2 ? "the left and right limits of a jump" : "no curve jumps there")})");

        for (var c = 0; c < columns.Length; c++)
        {
            var column = csv.Header[c + 1];
            if (!jumps[c])
            {
                foreach (var row in rows)
                {
                    AssertClose(columns[c](kink), csv.Rows[row][c + 1], 1e-9, file, column, row);
                }

                continue;
            }

            var (left, right) = limits[c];
            AssertClose(left, csv.Rows[rows[0]][c + 1], 1e-9, file, column + " (left limit)", rows[0]);
            AssertClose(right, csv.Rows[rows[1]][c + 1], 1e-9, file, column + " (right limit)", rows[1]);
            var middle = (left + right) / 2;
            for (var row = 0; row + 1 < csv.Rows.Length; row++)
            {
                var (x0, y0, x1, y1) = (csv.Rows[row][0], csv.Rows[row][c + 1], csv.Rows[row + 1][0], csv.Rows[row + 1][c + 1]);
                var near = Math.Abs(x0 - kink) <= step && Math.Abs(x1 - kink) <= step;
                Assert.True(
                    !near || (y0 - middle) * (y1 - middle) > 0 || (x0 == kink && x1 == kink),
                    $"{file}.csv rows {row}-{row + 1}: {column} goes from ({x0}, {y0}) to ({x1}, {y1}), a slanted line across the jump at x = {kink}");
            }
        }
    }

    private static void AssertClose(double expected, double actual, double relative, string file, string column, int row)
    {
        var ok = expected == actual || Math.Abs(expected - actual) <= relative * Math.Abs(expected);
        Assert.True(ok, $"{file}.csv row {row} {column}: {actual:R}, expected {expected:R} (relative tolerance {relative})");
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double SigmoidDerivative(double x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return e / ((1 + e) * (1 + e));
    }

    // The blog's sum: 100 sigmoids, offsets linspace(0, 9.8, 100), divided by 10.
    private static double SumOfSigmoids(double x) => Enumerable.Range(0, 100).Sum(i => Sigmoid(x - 9.8 * i / 99)) / 10;

    private static double SumOfSigmoidsDerivative(double x) => Enumerable.Range(0, 100).Sum(i => SigmoidDerivative(x - 9.8 * i / 99)) / 10;
}

/// <summary>Runs the sample once, with <c>dotnet run</c> in Release, into a fresh folder; deletes the folder afterwards.</summary>
public sealed class SampleFixture : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly SampleRun _result;

    public SampleFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkRoot = Path.Combine(Path.GetTempPath(), "activationgen-sample-" + Guid.NewGuid().ToString("N")[..12]);
        OutputDirectory = Path.Combine(WorkRoot, "plots");
        Directory.CreateDirectory(WorkRoot);
        var project = Path.Combine("samples", "ActivationGen.Samples");
        SampleAssembly = Path.Combine(RepositoryRoot, project, "bin", "Release", "net10.0", "ActivationGen.Samples.dll");
        _result = Run("dotnet", ["run", "--project", project, "-c", "Release", "--", "--out", OutputDirectory], RepositoryRoot);
    }

    public string RepositoryRoot { get; }

    public string WorkRoot { get; }

    public string OutputDirectory { get; }

    /// <summary>The sample as built by the fixture's <c>dotnet run</c>, to run again without building.</summary>
    public string SampleAssembly { get; }

    public string Stdout => _result.Stdout;

    public string Log => _result.Log;

    public void AssertSucceeded() => Assert.True(_result.ExitCode == 0, "the sample failed:\n" + _result.Log);

    public SampleCsv Csv(string name)
    {
        var path = Path.Combine(OutputDirectory, name + ".csv");
        Assert.True(File.Exists(path), $"{path} was not written\n{_result.Log}");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var rows = cells.Select(r => r.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return new SampleCsv(lines[0].Split(','), rows, cells);
    }

    public static SampleRun Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`: keep its MSBuild settings away from the child build, and keep
        // build servers from outliving it (they would hold the redirected output open).
        foreach (var name in info.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["UseSharedCompilation"] = "false";

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit((int)Timeout.TotalMilliseconds);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            process.WaitForExit();
        }

        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30));
        var command = fileName + " " + string.Join(" ", info.ArgumentList);
        var outText = stdout.IsCompletedSuccessfully ? stdout.Result : string.Empty;
        var errText = stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty;
        var log = $"$ {command}   (in {workingDirectory}, {stopwatch.Elapsed.TotalSeconds:F0} s, "
                  + (exited ? $"exit {process.ExitCode}" : $"killed after {Timeout.TotalMinutes:F0} min") + ")\n"
                  + outText + (errText.Length > 0 ? "\n[stderr]\n" + errText : string.Empty);
        return new SampleRun(exited ? process.ExitCode : -1, outText, log);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActivationGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ActivationGen.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A CSV the sample wrote: its header, its rows of numbers, and the same rows as written.</summary>
public sealed record SampleCsv(string[] Header, double[][] Rows, string[][] Cells);

/// <summary>A finished process: its exit code (-1 if it was killed), its standard output, and a log of both streams.</summary>
public sealed record SampleRun(int ExitCode, string Stdout, string Log);

/// <summary>Just enough of a PNG decoder for the sample's figures: 8-bit RGB or RGBA, not interlaced.</summary>
public sealed class SamplePng
{
    private readonly byte[] _pixels;
    private readonly int _channels;

    private SamplePng(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixel's colour, composited over white where it is not opaque.</summary>
    public (int R, int G, int B) Pixel(int x, int y)
    {
        var i = (y * Width + x) * _channels;
        int r = _pixels[i], g = _pixels[i + 1], b = _pixels[i + 2];
        if (_channels == 4)
        {
            int a = _pixels[i + 3];
            (r, g, b) = ((r * a + 255 * (255 - a)) / 255, (g * a + 255 * (255 - a)) / 255, (b * a + 255 * (255 - a)) / 255);
        }

        return (r, g, b);
    }

    public static SamplePng Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual(signature), $"{path} is not a PNG");

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos + 8 <= bytes.Length;)
        {
            var length = ReadInt32(bytes, pos);
            var type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = pos + 8;
            if (type == "IHDR")
            {
                width = ReadInt32(bytes, data);
                height = ReadInt32(bytes, data + 4);
                int bitDepth = bytes[data + 8], colourType = bytes[data + 9], interlace = bytes[data + 12];
                Assert.True(bitDepth == 8 && colourType is 2 or 6 && interlace == 0, $"{path}: bit depth {bitDepth}, colour type {colourType}, interlace {interlace} not supported here");
                channels = colourType == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(bytes, data, length);
            }
            else if (type == "IEND")
            {
                break;
            }

            pos = data + length + 4;
        }

        Assert.True(width > 0 && height > 0, $"{path} has no IHDR");
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        Assert.True(raw.Length == height * (stride + 1), $"{path}: {raw.Length} bytes of image data, expected {height * (stride + 1)}");
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                int value = raw[y * (stride + 1) + 1 + i];
                var left = i >= channels ? pixels[y * stride + i - channels] : 0;
                var up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                var upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
                value += filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"{path}: unknown PNG filter {filter}"),
                };
                pixels[y * stride + i] = (byte)value;
            }
        }

        return new SamplePng(width, height, channels, pixels);
    }

    private static int ReadInt32(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
