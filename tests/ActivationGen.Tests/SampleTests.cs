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
/// no font can render text.
/// </summary>
[Trait("Category", "Sample")]
public sealed class SampleTests(SampleFixture sample, ITestOutputHelper output) : IClassFixture<SampleFixture>
{
    /// <summary>The catalog's figures and f, f' written here independently of the generated kernels.</summary>
    private static readonly Dictionary<string, (Func<double, double> F, Func<double, double> Df)> Catalog = new()
    {
        ["leaky-relu"] = (x => x > 0 ? x : 0.1 * x, x => x > 0 ? 1 : 0.1),
        ["hard-sigmoid"] = (x => Math.Clamp((x + 3) / 6, 0, 1), x => x > -3 && x < 3 ? 1.0 / 6 : 0),
        ["hard-swish"] = (x => x * Math.Clamp((x + 3) / 6, 0, 1), x => x < -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6),
        ["relu6"] = (x => Math.Clamp(x, 0, 6), x => x > 0 && x < 6 ? 1 : 0),
        ["softsign"] = (x => x / (1 + Math.Abs(x)), x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)))),
        ["selu"] = (x => SeluLambda * (x > 0 ? x : SeluAlpha * (Math.Exp(x) - 1)), x => SeluLambda * (x > 0 ? 1 : SeluAlpha * Math.Exp(x))),
        ["celu"] = (x => x > 0 ? x : 2 * (Math.Exp(x / 2) - 1), x => x > 0 ? 1 : Math.Exp(x / 2)),
        ["gelu"] = (x => x * NormalCdf(x), x => NormalCdf(x) + x * NormalPdf(x)),
        ["gelu-tanh"] = (x => x * Sigmoid(2 * GeluTanhArgument(x)), GeluTanhDerivative),
        ["silu"] = (x => x * Sigmoid(x), x => Sigmoid(x) * (1 + x * Sigmoid(-x))),
        ["mish"] = (x => x * Math.Tanh(Math.Log(1 + Math.Exp(x))), MishDerivative),
        ["tanh"] = (Math.Tanh, x => 1 / (Math.Cosh(x) * Math.Cosh(x))),
        ["log-sigmoid"] = (x => -Math.Log(1 + Math.Exp(-x)), x => Sigmoid(-x)),
        ["softplus-beta2"] = (x => Math.Log(1 + Math.Exp(2 * x)) / 2, x => Sigmoid(2 * x)),
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
        Assert.Equal(100, csv.Rows.Length);
        for (var i = 0; i < 100; i++)
        {
            AssertClose(-10 + 0.2 * i, csv.Rows[i][0], 1e-12, "input-data", "x", i);
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
        Assert.Equal(new[] { "x", "f", "df" }, csv.Header.Take(3));
        AssertBlogX(name, csv);

        Func<double, double> f, df;
        switch (name)
        {
            case "sigmoid":
                (f, df) = (Sigmoid, SigmoidDerivative);
                break;
            case "sigmoid-sum":
                (f, df) = (SumOfSigmoids, SumOfSigmoidsDerivative);
                break;
            case "softplus":
                (f, df) = (x => Math.Log(1 + Math.Exp(x)), Sigmoid);
                break;
            case "relu":
                (f, df) = (x => Math.Max(0, x), x => x > 0 ? 1 : 0);
                break;
            default:
                (f, df) = (x => x > 0 ? x : Math.Exp(x) - 1, x => x > 0 ? 1 : Math.Exp(x));
                break;
        }

        for (var i = 0; i < csv.Rows.Length; i++)
        {
            var x = csv.Rows[i][0];
            AssertClose(f(x), csv.Rows[i][1], 1e-9, name, "f", i);
            AssertClose(df(x), csv.Rows[i][2], 1e-9, name, "df", i);
        }

        if (name == "softplus")
        {
            // Plotted together with the sum of sigmoids it approximates, and that sum's derivative.
            Assert.Equal(new[] { "x", "f", "df", "sum", "sum_df" }, csv.Header);
            for (var i = 0; i < csv.Rows.Length; i++)
            {
                AssertClose(SumOfSigmoids(csv.Rows[i][0]), csv.Rows[i][3], 1e-9, name, "sum", i);
                AssertClose(SumOfSigmoidsDerivative(csv.Rows[i][0]), csv.Rows[i][4], 1e-9, name, "sum_df", i);
            }
        }
        else
        {
            Assert.Equal(3, csv.Header.Length);
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
        Assert.Equal(241, csv.Rows.Length);
        var (f, df) = Catalog[name];
        for (var i = 0; i < csv.Rows.Length; i++)
        {
            var x = csv.Rows[i][0];
            AssertClose(-6 + 0.05 * i, x, 1e-12, name, "x", i);
            AssertClose(f(x), csv.Rows[i][1], 1e-9, name, "f", i);
            AssertClose(df(x), csv.Rows[i][2], 1e-9, name, "df", i);
        }
    }

    [Fact]
    public void Vanishing_gradient_figure_plots_both_derivatives()
    {
        sample.AssertSucceeded();
        var csv = sample.Csv("vanishing-gradient");
        Assert.Equal(new[] { "x", "sigmoid_df", "sum_df" }, csv.Header);
        AssertBlogX("vanishing-gradient", csv);
        for (var i = 0; i < csv.Rows.Length; i++)
        {
            var x = csv.Rows[i][0];
            AssertClose(SigmoidDerivative(x), csv.Rows[i][1], 1e-9, "vanishing-gradient", "sigmoid_df", i);
            AssertClose(SumOfSigmoidsDerivative(x), csv.Rows[i][2], 1e-9, "vanishing-gradient", "sum_df", i);
        }

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
        Assert.True(csv.Rows.Length > 100, $"training-fit.csv has {csv.Rows.Length} rows");
        for (var i = 0; i < csv.Rows.Length; i++)
        {
            var x = csv.Rows[i][0];
            Assert.InRange(x, -3, 3);
            AssertClose(Math.Sin(x), csv.Rows[i][1], 1e-12, "training-fit", "sin", i);
        }

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

    private static void AssertBlogX(string name, SampleCsv csv)
    {
        Assert.Equal(100, csv.Rows.Length);
        for (var i = 0; i < csv.Rows.Length; i++)
        {
            AssertClose(-10 + 0.2 * i, csv.Rows[i][0], 1e-12, name, "x", i);
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
    private readonly SampleRun result;

    public SampleFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkRoot = Path.Combine(Path.GetTempPath(), "activationgen-sample-" + Guid.NewGuid().ToString("N")[..12]);
        OutputDirectory = Path.Combine(WorkRoot, "plots");
        Directory.CreateDirectory(WorkRoot);
        var project = Path.Combine("samples", "ActivationGen.Samples");
        SampleAssembly = Path.Combine(RepositoryRoot, project, "bin", "Release", "net10.0", "ActivationGen.Samples.dll");
        result = Run("dotnet", ["run", "--project", project, "-c", "Release", "--", "--out", OutputDirectory], RepositoryRoot);
    }

    public string RepositoryRoot { get; }

    public string WorkRoot { get; }

    public string OutputDirectory { get; }

    /// <summary>The sample as built by the fixture's <c>dotnet run</c>, to run again without building.</summary>
    public string SampleAssembly { get; }

    public string Stdout => result.Stdout;

    public string Log => result.Log;

    public void AssertSucceeded() => Assert.True(result.ExitCode == 0, "the sample failed:\n" + result.Log);

    public SampleCsv Csv(string name)
    {
        var path = Path.Combine(OutputDirectory, name + ".csv");
        Assert.True(File.Exists(path), $"{path} was not written\n{result.Log}");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return new SampleCsv(lines[0].Split(','), rows);
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

/// <summary>A CSV the sample wrote: its header and its rows of numbers.</summary>
public sealed record SampleCsv(string[] Header, double[][] Rows);

/// <summary>A finished process: its exit code (-1 if it was killed), its standard output, and a log of both streams.</summary>
public sealed record SampleRun(int ExitCode, string Stdout, string Log);

/// <summary>Just enough of a PNG decoder for the sample's figures: 8-bit RGB or RGBA, not interlaced.</summary>
public sealed class SamplePng
{
    private readonly byte[] pixels;
    private readonly int channels;

    private SamplePng(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixel's colour, composited over white where it is not opaque.</summary>
    public (int R, int G, int B) Pixel(int x, int y)
    {
        var i = (y * Width + x) * channels;
        int r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
        if (channels == 4)
        {
            int a = pixels[i + 3];
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
                int left = i >= channels ? pixels[y * stride + i - channels] : 0;
                int up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                int upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
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
