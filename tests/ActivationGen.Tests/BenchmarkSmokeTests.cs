using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The benchmark project (tests/ActivationGen.Benchmarks) works: its <c>--verify</c> mode finds that every benchmark
/// method computes what the generated scalar shape computes, and its <c>--quick</c> mode runs every benchmark and
/// writes a ratio table with a row for every kernel. Never for numbers: the quick job measures cold code once.
/// </summary>
/// <remarks>
/// The benchmark project is not referenced from this one (that would bring BenchmarkDotNet into the test assembly);
/// it is built once in Release by the fixture and run as a process.
/// </remarks>
[Trait("Category", "Benchmark")]
public sealed class BenchmarkSmokeTests(BenchmarkProjectFixture benchmarks, ITestOutputHelper output) : IClassFixture<BenchmarkProjectFixture>
{
    /// <summary>The attributes of the benchmark classes, as the ratio table prints them.</summary>
    private static readonly string[] Attributes =
    [
        "Sigmoid",
        "Sigmoid(Offset = 2)",
        "SigmoidSum(Count = 100)",
        "SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)",
        "Softplus",
        "Relu",
        "Elu(Alpha = 1)",
        "Elu(Alpha = 0.5)",
        "Tanh",
        "Mish",
        "Gelu(Approximate = GeluApproximation.Tanh)",
        "Gelu",
        "Silu",
        "Selu",
    ];

    /// <summary>The benchmark classes with float only: the cost of SigmoidSum as Count grows.</summary>
    private static readonly string[] FloatOnlyAttributes =
    [
        "SigmoidSum(Count = 7)",
        "SigmoidSum(Count = 1000)",
        "SigmoidSum(Count = 10000)",
    ];

    private static readonly string[] Kernels = ["f", "f'", "backward", "fused"];

    private static readonly string[] Elements = ["float", "double"];

    [Fact]
    public void Verify_mode_finds_every_benchmark_method_agrees_with_the_scalar_shape()
    {
        AssertBuilt();

        var run = benchmarks.Run(["--verify"]);
        output.WriteLine(run.Log);

        Assert.True(run.ExitCode == 0, "--verify failed:\n" + Tail(run.Log));
        var all = Regex.Match(run.Stdout, @"verify: all (\d+) benchmark methods agree");
        Assert.True(all.Success, "no summary line from --verify:\n" + Tail(run.Log));

        // 31 classes (14 attributes × float, double, and 3 float only) of 13 methods: generated, TensorPrimitives and
        // scalar loop for f, f', backward and fused, and CopyTo.
        var methods = int.Parse(all.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(methods >= ((Attributes.Length * Elements.Length) + FloatOnlyAttributes.Length) * 13, $"only {methods} benchmark methods verified:\n" + Tail(run.Log));
    }

    [Fact]
    public void Quick_mode_runs_every_benchmark_and_writes_a_ratio_row_for_every_kernel()
    {
        AssertBuilt();

        var outDirectory = Path.Combine(benchmarks.WorkRoot, "quick");
        var ratios = Path.Combine(outDirectory, "ratios.md");
        var stopwatch = Stopwatch.StartNew();
        var run = benchmarks.Run(["--quick", "--out", ratios]);
        output.WriteLine(run.Log);

        Assert.True(run.ExitCode == 0, "--quick failed:\n" + Tail(run.Log));
        Assert.True(File.Exists(ratios), $"--quick wrote no {ratios}:\n" + Tail(run.Log));
        output.WriteLine($"--quick took {stopwatch.Elapsed.TotalSeconds:F0} s");

        var rows = File.ReadAllLines(ratios)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("| `[", StringComparison.Ordinal))
            .ToArray();
        var table = File.ReadAllText(ratios);
        var missing = new List<string>();
        var classes = Attributes.SelectMany(a => Elements.Select(e => (Attribute: a, Element: e)))
            .Concat(FloatOnlyAttributes.Select(a => (Attribute: a, Element: "float")));
        foreach (var (attribute, element) in classes)
        {
            foreach (var kernel in Kernels)
            {
                var prefix = $"| `[{attribute}]` {kernel} | {element} | 4,096 |";

                // The first table: ns/element, × TensorPrimitives, × scalar loop, × CopyTo time, all numbers.
                var row = rows.FirstOrDefault(r => r.StartsWith(prefix, StringComparison.Ordinal));
                if (row is null || !HasNumbers(row, 4))
                {
                    missing.Add(row ?? prefix + " (no row)");
                }
            }
        }

        Assert.True(missing.Count == 0, "rows missing or incomplete in the ratio table:\n" + string.Join("\n", missing) + "\n\n" + table);
    }

    private void AssertBuilt()
    {
        output.WriteLine(benchmarks.BuildLog);
        Assert.True(benchmarks.BuildExitCode == 0, "the benchmark project did not build:\n" + Tail(benchmarks.BuildLog));
    }

    /// <summary>The end of a long log (BenchmarkDotNet prints a lot): the full log is in the test output.</summary>
    private static string Tail(string log) => log.Length <= 20_000 ? log : "…\n" + log[^20_000..];

    private static bool HasNumbers(string row, int count)
    {
        var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        return cells.Length == 3 + count
               && cells.Skip(3).All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v));
    }
}

/// <summary>
/// Builds tests/ActivationGen.Benchmarks once in Release (<c>dotnet build -c Release</c>) and runs it with
/// <c>dotnet run -c Release --no-build --project ...</c> in a temporary folder (where BenchmarkDotNet writes its
/// artifacts), with a timeout of 5 minutes per process.
/// </summary>
public sealed class BenchmarkProjectFixture : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public BenchmarkProjectFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Project = Path.Combine(RepositoryRoot, "tests", "ActivationGen.Benchmarks", "ActivationGen.Benchmarks.csproj");
        WorkRoot = Path.Combine(Path.GetTempPath(), "activationgen-benchmarks-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(WorkRoot);

        var build = Run("dotnet", ["build", Project, "-c", "Release", "--disable-build-servers"], RepositoryRoot);
        BuildExitCode = build.ExitCode;
        BuildLog = build.Log;
    }

    public string RepositoryRoot { get; }

    public string Project { get; }

    public string WorkRoot { get; }

    public int BuildExitCode { get; }

    public string BuildLog { get; }

    /// <summary><c>dotnet run -c Release --no-build --project ActivationGen.Benchmarks -- arguments</c>.</summary>
    public ProcessResult Run(IEnumerable<string> arguments) =>
        Run("dotnet", ["run", "-c", "Release", "--no-build", "--project", Project, "--", .. arguments], WorkRoot);

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

    private static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
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

        // The test host runs under `dotnet test`: keep its MSBuild settings away from the child build.
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
        return new ProcessResult(exited ? process.ExitCode : -1, outText, log);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActivationGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActivationGen.sln not found above " + AppContext.BaseDirectory);
    }
}
