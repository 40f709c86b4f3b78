using System.IO;
using System.Text;

namespace ActivationGen.Emit;

/// <summary>
/// The helpers every generated method shares (operator interfaces, span drivers, vector math), emitted once per
/// compilation that uses the generator. Their text lives in Runtime/ActivationRuntime.template.cs; the parts between
/// <c>//#PerWidth</c> and <c>//#EndPerWidth</c> are written for Vector128 and repeated for Vector256 and Vector512.
/// </summary>
internal static class RuntimeSource
{
    public const string HintName = "ActivationGen.Runtime.g.cs";

    private const string BeginMarker = "//#PerWidth";
    private const string EndMarker = "//#EndPerWidth";

    public static string Text { get; } = Render();

    private static string Render()
    {
        using var stream = typeof(RuntimeSource).Assembly.GetManifestResourceStream("ActivationGen.Runtime.ActivationRuntime.template.cs")!;
        using var reader = new StreamReader(stream);
        var template = reader.ReadToEnd().Replace("\r\n", "\n").Replace("@VERSION", GeneratorInfo.Version);
        var output = new StringBuilder();
        var position = 0;
        while (true)
        {
            var begin = template.IndexOf(BeginMarker, position, System.StringComparison.Ordinal);
            if (begin < 0)
            {
                output.Append(template, position, template.Length - position);
                return output.ToString();
            }

            var bodyStart = begin + BeginMarker.Length + 1;
            var end = template.IndexOf(EndMarker, bodyStart, System.StringComparison.Ordinal);
            output.Append(template, position, begin - position);
            var body = template.Substring(bodyStart, end - bodyStart);
            output.Append(body);
            output.Append(Widths.Render(body, 256));
            output.Append(Widths.Render(body, 512));
            position = end + EndMarker.Length + 1;
        }
    }
}
