using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The sampled accuracy sweep of tests/ActivationGen.Accuracy: every float f and f' of every attribute, with several
/// parameter sets, through the generated span shape, over bit patterns strided across all 2^32 floats plus random
/// ones and special values, against the tool's independent double reference. Every one must be within 4 ULP of the
/// exactly rounded result (an absolute error up to the smallest normal float where the exact result is below it),
/// NaN must give NaN and ±∞ the limits.
/// </summary>
/// <remarks>
/// The tool is built in Release into <c>artifacts/accuracy-sweep</c> at the repository root (its own bin and obj,
/// so it does not race with other builds of the repository) and run as a process that inherits this process's
/// DOTNET_Enable* settings, so the CI runs without AVX-512, AVX2 or any hardware intrinsic sweep those code paths.
/// The scalar fallback (no hardware intrinsics) is about a hundred times slower, so it gets a smaller sample.
/// </remarks>
[Trait("Category", "Execution")]
public class SweepTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The tool's cases: 4 Sigmoid, 6 SigmoidSum, Softplus, Relu, 3 Elu, 2 LeakyRelu, HardSigmoid, HardSwish, HardTanh,
    /// Softsign, Selu, LogSigmoid, 5 Celu, 4 Silu, 3 Softplus with Beta, Tanh, Mish and 2 Gelu, each with f and f'.
    /// </summary>
    private const int ExpectedRows = 39 * 2;

    /// <summary>The tool, built once for the tests of this class.</summary>
    private static readonly Lazy<(string Tool, string Log)> Tool = new(BuildTool);

    [Fact]
    public void Double_reference_agrees_with_the_mpmath_tables()
    {
        var (tool, buildLog) = Tool.Value;
        var root = FindRepositoryRoot();
        var check = Run(
            "dotnet",
            [tool, "--check-reference", Path.Combine(root, "tests", "ActivationGen.Tests", "Reference")],
            root,
            withoutHardwareSettings: false);
        output.WriteLine(buildLog.Split('\n')[0]);
        output.WriteLine(check.Log);
        Assert.True(check.ExitCode == 0, "the sweep's double reference disagrees with the mpmath tables:\n" + check.Log);
    }

    [Fact]
    public void Sampled_sweep_within_contract()
    {
        var (tool, buildLog) = Tool.Value;
        var root = FindRepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), "activationgen-sweep-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            // Accelerated: ~2.6 million inputs per function (a few seconds of work per case at most). Scalar fallback:
            // ~160 thousand, which keeps the whole test under two minutes on two cores.
            var sample = Vector128.IsHardwareAccelerated ? 1 << 21 : 1 << 17;
            var json = Path.Combine(work, "sweep.json");
            var markdown = Path.Combine(work, "sweep.md");
            var sweep = Run(
                "dotnet",
                [tool, "--sample", sample.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", json, "--markdown", markdown],
                root,
                withoutHardwareSettings: false);
            output.WriteLine(buildLog.Split('\n')[0]);
            output.WriteLine(sweep.Log);
            Assert.True(File.Exists(json), "the accuracy tool wrote no results:\n" + sweep.Log);

            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var environment = document.RootElement.GetProperty("environment").GetString() ?? string.Empty;
            Assert.True(
                environment.Contains(Vector128.IsHardwareAccelerated ? "Vector128 accelerated" : "Vector128 not accelerated", StringComparison.Ordinal),
                "the tool did not run with this process's hardware settings: " + environment);

            var rows = document.RootElement.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(ExpectedRows, rows.Count);

            var failures = new List<string>();
            foreach (var row in rows)
            {
                var name = $"{row.GetProperty("label").GetString()} {row.GetProperty("kind").GetString()}";
                var before = failures.Count;
                Assert.True(row.GetProperty("inputs").GetInt64() >= sample, name + ": not every input was swept");
                if (row.GetProperty("aboveContract").GetInt64() > 0)
                {
                    failures.Add(
                        $"{name}: {row.GetProperty("aboveContract").GetInt64()} inputs more than 4 ULP off; worst " +
                        $"{row.GetProperty("maxUlp").GetDouble()} ULP at x = {row.GetProperty("maxUlpX").GetString()} " +
                        $"({row.GetProperty("maxUlpXBits").GetString()}): got {row.GetProperty("maxUlpActual").GetString()}, " +
                        $"exact {row.GetProperty("maxUlpExact").GetString()}");
                }

                if (row.GetProperty("belowNormalViolations").GetInt64() > 0)
                {
                    failures.Add(
                        $"{name}: {row.GetProperty("belowNormalViolations").GetInt64()} results below the smallest normal float " +
                        $"off by more than it; worst {row.GetProperty("maxBelowNormal").GetDouble()} × MinNormal at x = " +
                        row.GetProperty("maxBelowNormalX").GetString());
                }

                if (row.GetProperty("nanInfMismatches").GetInt64() > 0)
                {
                    failures.Add(
                        $"{name}: {row.GetProperty("nanInfMismatches").GetInt64()} NaN/infinity mismatches, first at x = " +
                        $"{row.GetProperty("firstMismatchX").GetString()}: got {row.GetProperty("firstMismatchActual").GetString()}, " +
                        $"expected {row.GetProperty("firstMismatchExact").GetString()}");
                }

                if (!row.GetProperty("withinContract").GetBoolean() && failures.Count == before)
                {
                    failures.Add(name + ": outside the contract");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.True(sweep.ExitCode == 0, "the accuracy tool reported a failure:\n" + sweep.Log);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// Builds the tool in Release into artifacts/accuracy-sweep (its own bin and obj: no race with other builds of
    /// the repository), with every hardware intrinsic available to the compiler whatever this process has.
    /// </summary>
    private static (string Tool, string Log) BuildTool()
    {
        var root = FindRepositoryRoot();
        var project = Path.Combine(root, "tests", "ActivationGen.Accuracy", "ActivationGen.Accuracy.csproj");
        var artifacts = Path.Combine(root, "artifacts", "accuracy-sweep");
        var build = Run(
            "dotnet",
            ["build", project, "-c", "Release", "--artifacts-path", artifacts, "--disable-build-servers", "-nologo", "-v:q"],
            root,
            withoutHardwareSettings: true);
        Assert.True(build.ExitCode == 0, "building the accuracy tool failed:\n" + build.Log);

        var tool = Path.Combine(artifacts, "bin", "ActivationGen.Accuracy", "release", "ActivationGen.Accuracy.dll");
        Assert.True(File.Exists(tool), "no " + tool + " after the build:\n" + build.Log);
        return (tool, build.Log);
    }

    private static (int ExitCode, string Log) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, bool withoutHardwareSettings)
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

        // The test host runs under `dotnet test`: keep its MSBuild and VSTest settings away from the child.
        foreach (var name in info.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
                || (withoutHardwareSettings && name.StartsWith("DOTNET_Enable", StringComparison.OrdinalIgnoreCase)))
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
        var outText = stdout.IsCompletedSuccessfully ? stdout.Result : string.Empty;
        var errText = stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty;
        var log = $"$ {fileName} {string.Join(" ", info.ArgumentList)}   ({stopwatch.Elapsed.TotalSeconds:F0} s, "
                  + (exited ? $"exit {process.ExitCode}" : $"killed after {Timeout.TotalMinutes:F0} min") + ")\n"
                  + outText + (errText.Length > 0 ? "\n[stderr]\n" + errText : string.Empty);
        return (exited ? process.ExitCode : -1, log);
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
