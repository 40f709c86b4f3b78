using System;
using System.Text;

namespace ActivationGen.Emit;

/// <summary>An indented text writer; <see cref="Block"/> opens a brace block that the returned scope closes.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
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
        _indent++;
        return new Scope(this, after);
    }

    public IndentScope Indent()
    {
        _indent++;
        return new IndentScope(this);
    }

    public override string ToString() => _builder.ToString();

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
            _writer._indent--;
            _writer.Line("}" + _after);
        }
    }

    internal readonly struct IndentScope : IDisposable
    {
        private readonly CodeWriter _writer;

        public IndentScope(CodeWriter writer) => _writer = writer;

        public void Dispose() => _writer._indent--;
    }
}
