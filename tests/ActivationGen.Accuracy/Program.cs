using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace ActivationGen.Accuracy;

/// <summary>
/// Sweeps every float f and f' of the generated activations against an independent double reference; see
/// <see cref="Program.Usage"/>.
/// </summary>
internal static class Program
{
    public const string Usage = """
        dotnet run -c Release --project tests/ActivationGen.Accuracy -- [options]

          --all              every one of the 2^32 float bit patterns
          --sample N         N bit patterns evenly strided over the whole range, N/4 random ones and special values
                             (the default, with N = 2^24 = 16777216); N may be written 2^k
          --seed S           seed of the random part of --sample (default 1)
          --only NAME        only these cases (repeatable, or comma separated): an attribute name (sigmoid,
                             sigmoidsum, softplus, relu, elu, leakyrelu, hardsigmoid, hardswish, hardtanh,
                             softsign, selu, celu, silu, logsigmoid, tanh, mish, gelu), a label or its start
                             such as "Sigmoid(Offset=2)" or "SigmoidSum(Count=7", or a method name of Kernels;
                             --list shows them
          --markdown FILE    also write the results as markdown
          --json FILE        also write the results as JSON
          --threads N        worker threads (default: every core)
          --chunk N          inputs per chunk (default 2^20)
          --list             list the cases and exit
          --check-reference DIR
                             compare the double reference with the mpmath tables in DIR
                             (tests/ActivationGen.Tests/Reference) and exit

        Exit code 0 when every input is within the contract (at most 4 ULP from the exactly rounded result; where
        the exact result is below the smallest normal float, an absolute error up to it; NaN gives NaN; ±inf give
        the limits), 1 when some is not, 2 for a usage error.
        """;

    private static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options.CheckReference is not null)
        {
            return ReferenceCheck.Run(options.CheckReference);
        }

        if (options.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var cases = Catalog.All.Where(c => options.Only.Count == 0 || options.Only.Any(c.Matches)).ToList();
        if (options.List)
        {
            foreach (var c in Catalog.All)
            {
                Console.WriteLine($"{c.Label,-55} Kernels.{c.Method}");
            }

            return 0;
        }

        if (cases.Count == 0)
        {
            Console.Error.WriteLine("--only selects no case; --list shows them");
            return 2;
        }

        var mode = options.All ? "all 2^32 float bit patterns" : $"sample of {options.Sample:N0} strided + {options.Sample / 4:N0} random bit patterns and special values";
        Console.WriteLine(Report.Environment(mode));
        Console.WriteLine($"{cases.Count} case(s), f and f' each, {options.Threads} thread(s).");
        Console.WriteLine();

        var results = new List<CaseResult>();
        var total = System.Diagnostics.Stopwatch.StartNew();
        foreach (var c in cases)
        {
            InputSet inputs = options.All
                ? new AllInputs(options.Chunk)
                : SampleInputs.Create(options.Sample, options.Seed, c.Reference.Breakpoints, options.Chunk);
            var fraction = 0.0;
            using var timer = new Timer(
                _ => Console.Error.WriteLine($"  {c.Label}: {Volatile.Read(ref fraction):P0}"),
                null,
                TimeSpan.FromSeconds(30),
                TimeSpan.FromSeconds(30));
            var result = Sweep.Run(c, inputs, options.Threads, p => Volatile.Write(ref fraction, p));
            results.Add(result);
            Console.WriteLine(
                $"{c.Label}: f {Summary(result.F)}; f' {Summary(result.Derivative)}; {result.Elapsed.TotalSeconds:0.0} s (CPU {result.Cpu.TotalSeconds:0.0} s)");
        }

        Console.WriteLine();
        Console.WriteLine(Report.Text(results));
        Console.WriteLine($"total {total.Elapsed.TotalSeconds:0.0} s");

        if (options.Markdown is not null)
        {
            Report.WriteFile(options.Markdown, Report.Markdown(results, mode));
        }

        if (options.Json is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(options.Json));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            using var stream = File.Create(options.Json);
            Report.Json(results, mode, stream);
        }

        var failed = results.Where(r => !r.F.WithinContract || !r.Derivative.WithinContract).ToList();
        if (failed.Count > 0)
        {
            Console.WriteLine("OUTSIDE THE CONTRACT: " + string.Join(", ", failed.Select(r => r.Case.Label)));
            return 1;
        }

        Console.WriteLine("every f and f' within the contract");
        return 0;
    }

    private static string Summary(Stats s) =>
        $"max {Math.Max(s.MaxUlp, 0):0.000} ULP at {Report.Float(s.MaxUlpX)}, {s.AboveOneUlp:N0} > 1 ULP, {s.AboveContract:N0} > 4 ULP, "
        + $"{s.BelowNormalViolations:N0} below-normal > MinNormal, {s.NanInfMismatches:N0} NaN/inf mismatches";

    private sealed class Options
    {
        public bool All { get; private set; }

        public long Sample { get; private set; } = 1L << 24;

        public ulong Seed { get; private set; } = 1;

        public List<string> Only { get; } = [];

        public string? Markdown { get; private set; }

        public string? Json { get; private set; }

        public int Threads { get; private set; } = System.Environment.ProcessorCount;

        public int Chunk { get; private set; } = 1 << 20;

        public bool List { get; private set; }

        public bool Help { get; private set; }

        public string? CheckReference { get; private set; }

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--all":
                        o.All = true;
                        break;
                    case "--sample":
                        o.Sample = Count(Value(), 1, 1L << 32);
                        break;
                    case "--seed":
                        o.Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--only":
                        o.Only.AddRange(SplitTopLevel(Value()));
                        break;
                    case "--markdown":
                        o.Markdown = Value();
                        break;
                    case "--json":
                        o.Json = Value();
                        break;
                    case "--threads":
                        o.Threads = (int)Count(Value(), 1, 1024);
                        break;
                    case "--chunk":
                        o.Chunk = (int)Count(Value(), 1, 1 << 26);
                        break;
                    case "--list":
                        o.List = true;
                        break;
                    case "--check-reference":
                        o.CheckReference = Value();
                        break;
                    case "--help" or "-h":
                        o.Help = true;
                        break;
                    default:
                        throw new FormatException("unknown option " + args[i]);
                }
            }

            return o;
        }

        /// <summary>Splits at the commas outside parentheses: "sigmoid,SigmoidSum(Count=7,From=-1000" is two filters.</summary>
        private static IEnumerable<string> SplitTopLevel(string text)
        {
            var depth = 0;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || (text[i] == ',' && depth == 0))
                {
                    var part = text[start..i].Trim();
                    if (part.Length > 0)
                    {
                        yield return part;
                    }

                    start = i + 1;
                }
                else if (text[i] == '(')
                {
                    depth++;
                }
                else if (text[i] == ')')
                {
                    depth = Math.Max(0, depth - 1);
                }
            }
        }

        /// <summary>A positive integer, also written as 2^k.</summary>
        private static long Count(string text, long min, long max)
        {
            long value;
            if (text.StartsWith("2^", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 0 and < 63)
            {
                value = 1L << k;
            }
            else if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                throw new FormatException($"not a count: {text}");
            }

            if (value < min || value > max)
            {
                throw new FormatException($"{text} is not between {min} and {max}");
            }

            return value;
        }
    }
}
