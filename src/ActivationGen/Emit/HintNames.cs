using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ActivationGen.Model;

namespace ActivationGen.Emit;

/// <summary>
/// The names of the generated files. Each is readable — <c>Namespace.Type.Method.ShapeElement.Activation.g.cs</c>, in
/// ASCII letters, digits, dots and underscores — and unique: Roslyn compares hint names ignoring case, and the
/// readable form can collide (<c>C&lt;T&gt;</c> and <c>C_T_</c>, names differing in case or in combining marks,
/// overloads that both get a body that throws). So the names of all methods are compared once, and the methods whose
/// readable names collide get a 64-bit hash of their exact signature in the name.
/// </summary>
internal static class HintNames
{
    private const string Suffix = ".Activation.g.cs";
    private const int MaxReadableLength = 150;

    /// <summary>The readable name of the file for a method's kernel or, without one, its body that throws.</summary>
    public static string Readable(MethodModel? method, StubModel? stub)
    {
        var declaration = method?.Declaration ?? stub!.Declaration;
        var text = new StringBuilder();
        if (declaration.Namespace is not null)
        {
            text.Append(declaration.Namespace).Append('.');
        }

        foreach (var type in declaration.ContainingTypes)
        {
            text.Append(type.Name).Append('.');
        }

        text.Append(declaration.Name.TrimStart('@')).Append('.');
        if (method is null)
        {
            text.Append("NotGenerated");
        }
        else
        {
            text.Append(method.Shape).Append(method.Element == ElementType.Single ? "Single" : "Double");
            if (method.Shape == MethodShape.Vector)
            {
                text.Append(method.VectorBits);
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!(text[i] is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_'))
            {
                text[i] = '_';
            }
        }

        var readable = text.Length > MaxReadableLength ? text.ToString(text.Length - MaxReadableLength, MaxReadableLength) : text.ToString();
        return readable + Suffix;
    }

    /// <summary>
    /// Which files need another name: the readable names shared, ignoring case, by methods with different signatures
    /// (these get the hash), and the signatures declared more than once (only where the compiler reports the duplicate
    /// declaration, CS0101 or CS0111: these get no file, since one name cannot serve two).
    /// </summary>
    public static FileNamePlan Plan(ImmutableArray<(string Readable, string Identity)> all)
    {
        var duplicated = all.GroupBy(n => n.Identity).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var colliding = all.Where(n => !duplicated.Contains(n.Identity))
            .GroupBy(n => n.Readable, System.StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(n => n.Readable))
            .Distinct()
            .OrderBy(n => n, System.StringComparer.Ordinal);
        return new FileNamePlan(colliding.ToEquatableArray(), duplicated.OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>The file's name: the readable one, or with the signature's hash where the readable one collides; null for none.</summary>
    public static string? For(string readable, string identity, FileNamePlan plan) =>
        plan.Duplicated.Contains(identity) ? null
        : !plan.Colliding.Contains(readable) ? readable
        : readable.Substring(0, readable.Length - Suffix.Length) + "." + Hash(identity).ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + Suffix;

    /// <summary>FNV-1a, 64 bits, over the UTF-16 code units: the same in every process and on every platform.</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}

/// <summary>The outcome of <see cref="HintNames.Plan"/>: the readable names to hash and the signatures to skip.</summary>
internal sealed record FileNamePlan(EquatableArray<string> Colliding, EquatableArray<string> Duplicated);
