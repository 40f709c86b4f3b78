using System;
using System.CodeDom.Compiler;
using System.Globalization;
using System.IO;

namespace ActivationGen.Emit;

/// <summary>
/// An indented writer of C# over <see cref="IndentedTextWriter"/> (what the Regex generator writes with), four spaces per
/// level and <c>\n</c> line ends. <see cref="Block"/> opens a brace block that the returned scope closes. A line longer
/// than <see cref="MaxLineLength"/> with its indentation is wrapped (<see cref="LineWrapper"/>) unless the writer is
/// one whose text is indented again elsewhere (a kernel's statements, which the emitter writes at their final depth).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "A StringWriter and the IndentedTextWriter over it hold no resource; the text is taken with ToString.")]
internal sealed class CodeWriter
{
    /// <summary>The longest line the generated files have, indentation included.</summary>
    public const int MaxLineLength = 160;

    private const string IndentText = "    ";

    private readonly StringWriter _text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly IndentedTextWriter _writer;
    private readonly bool _wrapLongLines;

    /// <param name="wrapLongLines">False for text that is written again through another writer, which wraps it there.</param>
    public CodeWriter(bool wrapLongLines = true)
    {
        _writer = new IndentedTextWriter(_text, IndentText) { NewLine = "\n" };
        _wrapLongLines = wrapLongLines;
    }

    public CodeWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _writer.WriteLineNoTabs(string.Empty);
            return this;
        }

        var available = MaxLineLength - (_writer.Indent * IndentText.Length);
        if (!_wrapLongLines || text.Length <= available)
        {
            _writer.WriteLine(text);
            return this;
        }

        foreach (var (depth, piece) in LineWrapper.Wrap(text, available, IndentText.Length))
        {
            _writer.Indent += depth;
            _writer.WriteLine(piece);
            _writer.Indent -= depth;
        }

        return this;
    }

    public CodeWriter Lines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace; disposing the scope closes it (then <paramref name="after"/>, e.g. ";").</summary>
    public Scope Block(string header, string after = "")
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _writer.Indent++;
        return new Scope(this, after);
    }

    public IndentScope Indent()
    {
        _writer.Indent++;
        return new IndentScope(this);
    }

    public override string ToString()
    {
        _writer.Flush();
        return _text.ToString();
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly CodeWriter _writer;
        private readonly string _after;

        public Scope(CodeWriter writer, string after)
        {
            _writer = writer;
            _after = after;
        }

        public void Dispose()
        {
            _writer._writer.Indent--;
            _writer.Line("}" + _after);
        }
    }

    internal readonly struct IndentScope : IDisposable
    {
        private readonly CodeWriter _writer;

        public IndentScope(CodeWriter writer) => _writer = writer;

        public void Dispose() => _writer._writer.Indent--;
    }
}
