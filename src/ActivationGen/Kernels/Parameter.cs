using System;
using System.Collections.Immutable;
using System.Globalization;

namespace ActivationGen.Kernels;

/// <summary>
/// One named argument of an activation attribute: its C# type and default in the attribute class, its doc text, and,
/// for a <c>double</c>, the finite values the kernels serve to the contract (<see cref="AcceptedRange"/>; a finite
/// value outside is error AGEN0013 naming the range, a non-finite one AGEN0008). Values travel in
/// <see cref="Model.ActivationSpec"/> as doubles (an <c>int</c> or an enum's value is exact there).
/// </summary>
internal sealed class Parameter
{
    private Parameter(string name, string type, double defaultValue, string? initializer, string doc, AcceptedRange? range, string? defaultText = null)
    {
        DefaultText = defaultText ?? Format(defaultValue);
        Name = name;
        Type = type;
        Default = defaultValue;
        Initializer = initializer;
        Doc = doc;
        Range = range;
    }

    public string Name { get; }

    /// <summary>The property's type in the attribute class (<c>double</c>, <c>int</c> or an enum's full name).</summary>
    public string Type { get; }

    public double Default { get; }

    /// <summary>The default as the attribute's docs write it (<c>0.01</c>, <c>GeluApproximation.None</c>).</summary>
    public string DefaultText { get; }

    /// <summary>The property's initializer in the attribute class (null for the type's default value).</summary>
    public string? Initializer { get; }

    /// <summary>The property's doc comment, without the default (XML).</summary>
    public string Doc { get; }

    /// <summary>An enum parameter's member names by value (default for other parameters).</summary>
    public ImmutableArray<string> Members { get; private init; }

    /// <summary>The accepted finite values of a <c>double</c> (null: no range check, e.g. an <c>int</c> the activation checks itself).</summary>
    public AcceptedRange? Range { get; }

    /// <summary>A <c>double</c> parameter; its doc gets the accepted range and the default appended.</summary>
    public static Parameter Double(string name, double defaultValue, string doc, AcceptedRange range) =>
        new(name, "double", defaultValue, defaultValue == 0 ? null : Format(defaultValue), doc, range);

    /// <summary>An <c>int</c> parameter, checked by its activation.</summary>
    public static Parameter Int32(string name, int defaultValue, string doc) =>
        new(name, "int", defaultValue, defaultValue == 0 ? null : defaultValue.ToString(CultureInfo.InvariantCulture), doc, null);

    /// <summary>An enum parameter (its values are emitted by the activation, <see cref="Activation.Types"/>), checked by its activation.</summary>
    /// <param name="members">The enum's member names, by value (0, 1, …).</param>
    public static Parameter Enum(string name, string type, ImmutableArray<string> members, int defaultValue, string doc) =>
        new(name, type, defaultValue, defaultValue == 0 ? null : type + "." + members[defaultValue], doc, null, type.Substring(type.LastIndexOf('.') + 1) + "." + members[defaultValue])
        {
            Members = members,
        };

    /// <summary>A value of this parameter as C# would write it in the attribute (<c>0.5</c>, <c>100</c>, <c>GeluApproximation.Tanh</c>).</summary>
    public string Display(double value) =>
        Members.IsDefault || value < 0 || value >= Members.Length || value != (int)value
            ? Format(value)
            : Type.Substring(Type.LastIndexOf('.') + 1) + "." + Members[(int)value];

    /// <summary>The doc comment of the attribute property: the doc, the accepted range and the default.</summary>
    public string PropertyDoc()
    {
        var range = Range is null ? string.Empty : "; " + Range.Describe(Name);
        return Type == "double" || Type == "int" ? $"{Doc}{range}. Default {Format(Default)}." : $"{Doc}{range}";
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The finite values a <c>double</c> parameter accepts: 0 when <paramref name="ZeroAccepted"/>, and every value whose
/// magnitude lies between <paramref name="Low"/> and <paramref name="High"/> (ends closed). <paramref name="Reason"/>
/// says why the range ends where it does (for AGEN0013 and the README).
/// </summary>
internal sealed record AcceptedRange(double Low, double High, bool ZeroAccepted, string Reason)
{
    /// <summary>Every finite value.</summary>
    public static AcceptedRange AnyFinite(string reason) => new(0, double.MaxValue, ZeroAccepted: true, reason);

    /// <summary>0 and every magnitude up to <paramref name="high"/>.</summary>
    public static AcceptedRange AtMost(double high, string reason) => new(0, high, ZeroAccepted: true, reason);

    /// <summary>Every magnitude from <paramref name="low"/> on, and 0 when <paramref name="zeroAccepted"/>.</summary>
    public static AcceptedRange AtLeast(double low, bool zeroAccepted, string reason) => new(low, double.MaxValue, zeroAccepted, reason);

    public bool IsUnrestricted => Low == 0 && High == double.MaxValue && ZeroAccepted;

    public bool Accepts(double value) =>
        value == 0 ? ZeroAccepted : Math.Abs(value) >= Low && Math.Abs(value) <= High;

    /// <summary>The accepted values as text, e.g. <c>Beta = 0 or 1E-148 ≤ |Beta|</c>.</summary>
    public string Describe(string name)
    {
        if (IsUnrestricted)
        {
            return "any finite " + name;
        }

        var magnitude = "|" + name + "|";
        if (Low > 0)
        {
            magnitude = Parameter.Format(Low) + " ≤ " + magnitude;
        }

        if (High < double.MaxValue)
        {
            magnitude += " ≤ " + Parameter.Format(High);
        }

        return ZeroAccepted && Low > 0 ? name + " = 0 or " + magnitude : magnitude;
    }
}

/// <summary>
/// A problem of an attribute's parameters: the diagnostic, its message arguments, and the named arguments to point at
/// (the first one the user wrote, else the attribute).
/// </summary>
internal sealed record ParameterProblem(Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor, string[] At, object?[] Arguments);
