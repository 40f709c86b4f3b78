using System.Globalization;

namespace ActivationGen.Emit;

/// <summary>Numbers as C# literals: culture-invariant, shortest round-trippable, always typed as double.</summary>
internal static class Literals
{
    /// <summary>
    /// Also NaN and ±∞ as the named constants (never text such as <c>NaNf</c> that does not compile); the kernels emit
    /// neither for the parameters the parser accepts.
    /// </summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return double.IsNaN(value) ? "double.NaN" : value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0)
        {
            text += ".0";
        }

        return text;
    }

    public static string Single(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            return float.IsNaN(value) ? "float.NaN" : value > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (float.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        }

        return text + "f";
    }

    /// <summary>A literal of the compute type (a float literal rounds the double to the nearest float).</summary>
    public static string Of(double value, Model.ElementType type) =>
        type == Model.ElementType.Single ? Single((float)value) : Double(value);

    /// <summary>A C# string literal.</summary>
    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A human-readable form for doc comments (shortest round-trip).</summary>
    public static string Readable(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
