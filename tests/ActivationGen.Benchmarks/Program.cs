using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace ActivationGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/ActivationGen.Benchmarks -- [mode] [options] [BenchmarkDotNet options]</c>.
/// </summary>
public static class Program
{
    private const string Usage = """
        ActivationGen benchmarks: generated kernels vs TensorPrimitives vs the seed's scalar loop vs Span.CopyTo,
        and the generator's own cost (GeneratorCost: RunGenerators over 100 and 1,000 annotated methods).

        Modes (one of):
          --full      (default) numbers: out-of-process job, ≥ 2 s of warm-up per benchmark, 15 iterations of 250 ms.
          --quick     smoke run: --verify, then every benchmark once or thrice in process at N = 4,096 (< 2 min);
                      GeneratorCost at 100 methods only.
          --verify    no timing: checks that every benchmark method computes what the generated scalar shape does.

        Options:
          --out PATH        where to write the markdown ratio table (default BenchmarkDotNet.Artifacts/results/ratios.md);
                            not written when no kernel class ran.
          --sizes A,B,...   only these N (of 16, 64, 256, 4096, 1048576, 16777216). --quick implies --sizes 4096. GeneratorCost has
                            no N: it runs whatever --sizes says, unless --filter leaves it out.
          --slow-scalar     also run the naive SigmoidSum sums where they take seconds per call (16M elements, Count ≥ 1,000).
          anything else     goes to BenchmarkDotNet, e.g. --filter '*Float*' or --filter '*Elu05*' (default --filter '*').

        Examples:
          dotnet run -c Release --project tests/ActivationGen.Benchmarks -- --quick
          dotnet run -c Release --project tests/ActivationGen.Benchmarks -- --filter '*SigmoidFloat*' --sizes 4096,16777216
          dotnet run -c Release --project tests/ActivationGen.Benchmarks -- --filter '*GeneratorCost*'
        """;

    public static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (options.Verify || options.Quick)
        {
            var ok = Verifier.Run(Console.Out);
            if (!ok)
            {
                return 1;
            }

            if (options.Verify)
            {
                return 0;
            }
        }

        var summaries = BenchmarkSwitcher.FromTypes([.. Catalog.Types, .. Catalog.Others])
            .Run(options.BenchmarkDotNetArguments, CreateConfig(options))
            .ToArray();

        if (summaries.Length == 0)
        {
            Console.Error.WriteLine("No benchmark ran: check --filter and --sizes.");
            return 1;
        }

        var output = options.Out ?? Path.Combine(summaries[0].ResultsDirectoryPath, "ratios.md");
        var table = RatioTable.Build(summaries, options.Quick ? "quick (in process, Job.Dry, 3 iterations: not for numbers)" : "full");
        if (table.Rows > 0)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(output, table.Markdown);
            Console.WriteLine();
            Console.WriteLine(table.Markdown);
            Console.WriteLine("Ratio table written to " + Path.GetFullPath(output));
        }
        else
        {
            // Only classes outside the table ran (--filter '*GeneratorCost*', '*FromOutput*'): keep an earlier table.
            Console.WriteLine("No generated kernel against its contenders in this run: no ratio table written.");
        }

        var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).ToArray();
        if (summaries.Any(s => s.HasCriticalValidationErrors) || failed.Length > 0)
        {
            foreach (var report in failed)
            {
                Console.Error.WriteLine("Failed: " + report.BenchmarkCase.DisplayInfo);
            }

            Console.Error.WriteLine("Some benchmarks did not run (see above).");
            return 1;
        }

        return 0;
    }

    private static IConfig CreateConfig(Options options)
    {
        var job = options.Quick
            ? Job.Dry
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithIterationCount(3)
                .WithId("Quick")
            // NUMERICS.md: warm up by time (≥ 1 s of calls), tiered JIT keeps improving for ~0.7 s.
            : Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(8)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithIterationCount(15)
                .WithId("Full");

        // AsDefault: BenchmarkDotNet's own job options (--job, --inProcess, --iterationCount...) start from this job
        // instead of adding a second one.
        job = job.AsDefault();

        var sizes = options.Sizes;
        var slowScalar = options.SlowScalar;
        var quick = options.Quick;

        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .AddColumn(CategoriesColumn.Default, StatisticColumn.Median, new NanosecondsPerElementColumn())
            .AddFilter(new SimpleFilter(benchmark =>
            {
                // --sizes is about N: a class without it (GeneratorCost) runs at its own parameters, in a smoke run at
                // the smallest only.
                if (benchmark.Parameters["N"] is not { } size)
                {
                    return !quick || benchmark.Parameters["Methods"] is not int methods || methods <= 100;
                }

                var n = Convert.ToInt32(size, CultureInfo.InvariantCulture);
                if (sizes is not null && !sizes.Contains(n))
                {
                    return false;
                }

                // The naive sums cost Count exponentials per element: 100 terms take about 5 s per call at 16M, 10,000
                // terms 0.1 s at 4,096 (scalar) and 14 ms (TensorPrimitives). Beyond 10^8 terms per call (scalar) or
                // 2·10^9 (TensorPrimitives) there is nothing to learn but the time it takes.
                var method = benchmark.Descriptor.WorkloadMethod.Name;
                var terms = (long)SigmoidSumCount(benchmark.Descriptor.Type) * n;
                return slowScalar
                       || (!method.StartsWith("ScalarLoop_", StringComparison.Ordinal) || terms <= 100L * 1_048_576)
                       && (!method.StartsWith("TensorPrimitives_", StringComparison.Ordinal) || terms <= 2_000_000_000L);
            }))
            .WithOption(ConfigOptions.DisableLogFile, options.Quick)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(20));
    }

    /// <summary>The Count of a SigmoidSum benchmark class; 1 for every other class.</summary>
    private static int SigmoidSumCount(Type type) => Activator.CreateInstance(type) switch
    {
        SigmoidSumBenchmarks<float> f => f.Count,
        SigmoidSumBenchmarks<double> d => d.Count,
        _ => 1,
    };
}

/// <summary>The command line: our options, and the rest for BenchmarkDotNet.</summary>
internal sealed class Options
{
    public bool Quick { get; private set; }

    public bool Verify { get; private set; }

    public bool Help { get; private set; }

    public bool SlowScalar { get; private set; }

    public string? Out { get; private set; }

    public HashSet<int>? Sizes { get; private set; }

    public string[] BenchmarkDotNetArguments { get; private set; } = [];

    public static Options Parse(string[] args)
    {
        var options = new Options();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options.Quick = true;
                    break;
                case "--full":
                    break;
                case "--verify":
                    options.Verify = true;
                    break;
                case "--slow-scalar":
                    options.SlowScalar = true;
                    break;
                case "--help" or "-h" or "-?":
                    options.Help = true;
                    break;
                case "--out":
                    options.Out = Value(args, ref i);
                    break;
                case "--sizes":
                    options.Sizes = Value(args, ref i)
                        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture))
                        .ToHashSet();
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (options.Quick)
        {
            options.Sizes = [4_096];
        }

        if (!rest.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal)))
        {
            rest.AddRange(["--filter", "*"]);
        }

        options.BenchmarkDotNetArguments = [.. rest];
        return options;
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new ArgumentException(args[i] + " needs a value");
        }

        return args[++i];
    }
}
