using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>
/// The committed mpmath table of the functions <c>ActivationGen.Fn</c> denotes (Reference/Fn/fn_reference.csv, written by
/// Reference/make_fn_reference.py): sigmoid, softplus, erf and erfc, exact to 30 digits at several thousand doubles each.
/// </summary>
public static class FnReference
{
    public static readonly string[] Functions = ["sigmoid", "softplus", "erf", "erfc"];

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<FnRow>>> Table = new(Load);

    /// <summary>The rows of one function (<see cref="Functions"/>), in increasing x.</summary>
    public static IReadOnlyList<FnRow> Rows(string function) => Table.Value[function];

    private static IReadOnlyDictionary<string, IReadOnlyList<FnRow>> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(ReferenceTable.Folder, "Fn", "fn_reference.csv"));
        if (!lines[0].StartsWith("# ", StringComparison.Ordinal) || lines[1] != "function,x,value")
        {
            throw new InvalidDataException("fn_reference.csv: unexpected header");
        }

        return lines.Skip(2)
            .Select(line => line.Split(','))
            .Select(parts => new FnRow(parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]))
            .GroupBy(row => row.Function, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FnRow>)g.ToList(), StringComparer.Ordinal);
    }
}

/// <summary>One row: the function, x (a double), and the exact value as written (30 digits, or 0, -0, ±Infinity).</summary>
public sealed record FnRow(string Function, double X, string Value)
{
    /// <summary>The exact value is infinite (softplus at +∞).</summary>
    public bool IsInfinite => Value is "Infinity" or "-Infinity";

    /// <summary>Written as <c>0</c> or <c>-0</c>: an exact zero, a limit 0 at ±∞, or a magnitude below 1e-1000.</summary>
    public bool IsZero => Value is "0" or "-0";

    /// <summary>The exact value (for a finite one).</summary>
    public BigFloat Exact => BigFloat.FromDecimal(Value);

    /// <summary>x is a float too (the float overloads are checked on these rows).</summary>
    public bool IsSingle => double.IsNaN(X) || (double)(float)X == X;

    /// <summary>The written value as a double (the sign of a zero and of an infinity as written).</summary>
    public double Rounded => double.Parse(Value, CultureInfo.InvariantCulture);
}
