using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ActivationGen.Accuracy;

/// <summary>
/// <c>--check-reference DIR</c>: compares the double reference with the arbitrary-precision (mpmath) tables of the
/// test project (tests/ActivationGen.Tests/Reference/*_float.csv): the reference must agree with them to a relative
/// 1e-12 (a few 1e-5 of a float ULP); it measures about 5e-14 at worst. An independent check of the tool's yardstick.
/// </summary>
internal static class ReferenceCheck
{
    private const double Tolerance = 1e-12;

    public static int Run(string directory)
    {
        // The fromoutput_ tables hold g(y) for the backward from the output, which the tool does not sweep.
        var files = Directory.GetFiles(directory, "*_float.csv")
            .Where(f => !Path.GetFileName(f).StartsWith("fromoutput_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine("no *_float.csv in " + directory);
            return 2;
        }

        var failed = false;
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var attribute = lines[0].TrimStart('#', ' ').Replace("attribute:", string.Empty, StringComparison.Ordinal).Trim();
            var reference = Parse(attribute);
            if (reference is null)
            {
                Console.WriteLine($"{Path.GetFileName(file),-24} {attribute,-58} skipped: the tool has no double reference for it");
                continue;
            }

            if (reference is SigmoidSumReference { LargestOffset: > SigmoidSumReference.OffsetsWithinTolerance })
            {
                Console.WriteLine($"{Path.GetFileName(file),-24} {attribute,-58} skipped: offsets beyond ±{SigmoidSumReference.OffsetsWithinTolerance:E0}, which the double reference rounds by more than the tolerance");
                continue;
            }

            double worst = 0;
            var worstX = string.Empty;
            var bad = 0;
            if (lines.Length < 2 || !lines[1].StartsWith("x,", StringComparison.Ordinal))
            {
                throw new FormatException(file + ": expected a comment line with the attribute, then the header x,f,df");
            }

            foreach (var line in lines.Skip(2).Where(l => l.Length > 0))
            {
                var fields = line.Split(',');
                var x = float.Parse(fields[0], CultureInfo.InvariantCulture);
                reference.Evaluate(x, out var f, out var d);
                var scales = new[] { 0.0, reference.DerivativeTermScale(x) };
                for (var column = 0; column < 2; column++)
                {
                    var (mine, text) = column == 0 ? (f, fields[1]) : (d, fields[2]);
                    var exact = double.Parse(text, CultureInfo.InvariantCulture);
                    double error;
                    if (double.IsNaN(exact) || double.IsInfinity(exact) || exact == 0)
                    {
                        error = mine.Equals(exact) || (exact == 0 && Math.Abs(mine) < 1e-300) ? 0 : double.PositiveInfinity;
                    }
                    else if (Math.Abs(exact) < 1e-290)
                    {
                        // Far below float's range; the double reference may be a double subnormal there.
                        error = Math.Abs(mine - exact) < 1e-300 ? 0 : double.PositiveInfinity;
                    }
                    else
                    {
                        // Relative to the exact value, or, where the reference's own terms cancel (a zero of f'),
                        // to the size of those terms: there a double reference cannot do better.
                        error = Math.Abs(mine - exact) / Math.Max(Math.Abs(exact), scales[column]);
                    }

                    if (error > Tolerance)
                    {
                        bad++;
                    }

                    if (error > worst)
                    {
                        worst = error;
                        worstX = fields[0];
                    }
                }
            }

            failed |= bad > 0;
            Console.WriteLine(
                $"{Path.GetFileName(file),-24} {attribute,-58} {lines.Length - 2,5} rows: max relative difference " +
                $"{worst.ToString("0.00E+0", CultureInfo.InvariantCulture)}{(worstX.Length > 0 ? " at x = " + worstX : string.Empty)}" +
                (bad > 0 ? $"  ({bad} above {Tolerance:E0})" : string.Empty));
        }

        Console.WriteLine(failed ? "the double reference disagrees with the mpmath tables" : $"the double reference agrees with every table to {Tolerance:E0}");
        return failed ? 1 : 0;
    }

    /// <summary>The double reference of a table's attribute; null for the attributes the tool does not sweep.</summary>
    private static Reference? Parse(string attribute)
    {
        double Get(string name, double fallback)
        {
            var m = Regex.Match(attribute, name + @"\s*=\s*([-0-9.eE+]+)");
            return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : fallback;
        }

        return attribute switch
        {
            _ when attribute.StartsWith("[SigmoidSum", StringComparison.Ordinal) =>
                new SigmoidSumReference((int)Get("Count", 100), Get("From", 0), Get("To", 10), Get("Scale", 1)),
            _ when attribute.StartsWith("[Sigmoid", StringComparison.Ordinal) => new SigmoidReference(Get("Offset", 0)),
            _ when attribute.StartsWith("[Softplus", StringComparison.Ordinal) => new SoftplusReference(Get("Beta", 1)),
            _ when attribute.StartsWith("[Relu", StringComparison.Ordinal) => new ReluReference(),
            _ when attribute.StartsWith("[Elu", StringComparison.Ordinal) => new EluReference(Get("Alpha", 1)),
            _ when attribute.StartsWith("[Selu", StringComparison.Ordinal) => new SeluReference(),
            _ when attribute.StartsWith("[Celu", StringComparison.Ordinal) => new CeluReference(Get("Alpha", 1)),
            _ when attribute.StartsWith("[Silu", StringComparison.Ordinal) => new SiluReference(Get("Beta", 1)),
            _ when attribute.StartsWith("[LogSigmoid", StringComparison.Ordinal) => new LogSigmoidReference(),
            _ when attribute.StartsWith("[LeakyRelu", StringComparison.Ordinal) => new LeakyReluReference(Get("NegativeSlope", 0.01)),
            _ when attribute.StartsWith("[HardSigmoid", StringComparison.Ordinal) => new HardSigmoidReference(),
            _ when attribute.StartsWith("[HardSwish", StringComparison.Ordinal) => new HardSwishReference(),
            _ when attribute.StartsWith("[HardTanh", StringComparison.Ordinal) => new HardTanhReference(Get("Min", -1), Get("Max", 1)),
            _ when attribute.StartsWith("[Softsign", StringComparison.Ordinal) => new SoftsignReference(),
            _ when attribute.StartsWith("[Tanh", StringComparison.Ordinal) => new TanhReference(),
            _ when attribute.StartsWith("[Mish", StringComparison.Ordinal) => new MishReference(),
            _ when attribute.StartsWith("[Gelu", StringComparison.Ordinal) => new GeluReference(attribute.Contains("GeluApproximation.Tanh", StringComparison.Ordinal)),
            _ => null,
        };
    }
}
