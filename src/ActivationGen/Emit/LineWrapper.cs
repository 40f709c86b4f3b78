using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Emit;

/// <summary>
/// Breaks a generated line that is too long into lines that fit, changing only whitespace and comments' places: a
/// comment is word-wrapped (a trailing one moves above its statement), and code breaks after the opening parenthesis
/// of its longest top-level argument list and at that list's top-level commas, the arguments packed onto continuation
/// lines one level deeper (an argument still too long is broken the same way). Never inside a string or character
/// literal; a line without such a place stays as it is.
/// </summary>
internal static class LineWrapper
{
    /// <summary>The pieces of <paramref name="line"/>, each with its extra indentation in levels of <paramref name="step"/> spaces.</summary>
    public static IEnumerable<(int Depth, string Text)> Wrap(string line, int width, int step)
    {
        var lead = line.Length - line.TrimStart(' ').Length;
        var prefix = line.Substring(0, lead);
        var content = line.Substring(lead);
        if (content.StartsWith("#", System.StringComparison.Ordinal))
        {
            return new[] { (0, line) };
        }

        return WrapContent(content, width - lead, step).Select(piece => (piece.Depth, prefix + piece.Text));
    }

    private static List<(int Depth, string Text)> WrapContent(string text, int width, int step)
    {
        if (text.Length <= width)
        {
            return new List<(int, string)> { (0, text) };
        }

        var comment = CommentStart(text);
        if (comment == 0)
        {
            return WrapComment(text, width);
        }

        if (comment > 0)
        {
            var pieces = WrapComment("// " + text.Substring(comment + 2).TrimStart(), width);
            pieces.AddRange(WrapCode(text.Substring(0, comment).TrimEnd(), width, step));
            return pieces;
        }

        return WrapCode(text, width, step);
    }

    /// <summary>A comment (<c>//</c> or <c>///</c>) word-wrapped, each line with the same marker.</summary>
    private static List<(int Depth, string Text)> WrapComment(string text, int width)
    {
        var marker = text.StartsWith("///", System.StringComparison.Ordinal) ? "///" : "//";
        var words = text.Substring(marker.Length).Split(' ').Where(w => w.Length > 0);
        var lines = new List<(int, string)>();
        var current = marker;
        foreach (var word in words)
        {
            if (current.Length > marker.Length && current.Length + 1 + word.Length > width)
            {
                lines.Add((0, current));
                current = marker;
            }

            current += " " + word;
        }

        lines.Add((0, current));
        return lines;
    }

    private static List<(int Depth, string Text)> WrapCode(string text, int width, int step)
    {
        if (text.Length <= width)
        {
            return new List<(int, string)> { (0, text) };
        }

        // The longest top-level argument list; a type argument list only where there is none.
        var groups = TopLevelGroups(text);
        var chosen = groups.Where(g => text[g.Open] == '(' && g.Close > g.Open + 1).OrderByDescending(g => g.Close - g.Open).FirstOrDefault();
        if (chosen == default)
        {
            chosen = groups.Where(g => text[g.Open] == '<').OrderByDescending(g => g.Close - g.Open).FirstOrDefault();
        }

        if (chosen == default)
        {
            return new List<(int, string)> { (0, text) };
        }

        var head = text.Substring(0, chosen.Open + 1);
        var arguments = SplitTopLevel(text.Substring(chosen.Open + 1, chosen.Close - chosen.Open - 1));
        var tail = text.Substring(chosen.Close);
        var result = WrapCode(head, width, step);
        var inner = width - step;
        var current = string.Empty;
        for (var i = 0; i < arguments.Count; i++)
        {
            var piece = arguments[i] + (i < arguments.Count - 1 ? "," : tail);
            if (current.Length > 0 && current.Length + 1 + piece.Length <= inner)
            {
                current += " " + piece;
                continue;
            }

            Flush(current);
            current = piece;
        }

        Flush(current);
        return result;

        void Flush(string line)
        {
            if (line.Length > 0)
            {
                result.AddRange(WrapCode(line, inner, step).Select(p => (p.Depth + 1, p.Text)));
            }
        }
    }

    /// <summary>The bracket pairs (parentheses, square brackets, braces, type argument lists) not inside another one.</summary>
    private static List<(int Open, int Close)> TopLevelGroups(string text)
    {
        var groups = new List<(int, int)>();
        var stack = new Stack<(char Bracket, int Position)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = EndOfLiteral(text, i);
            }
            else if (c is '(' or '[' or '{' || (c == '<' && IsTypeArgumentList(text, i)))
            {
                stack.Push((c, i));
            }
            else if (stack.Count > 0 && (c is ')' or ']' or '}' || (c == '>' && stack.Peek().Bracket == '<')))
            {
                var open = stack.Pop();
                if (stack.Count == 0)
                {
                    groups.Add((open.Position, i));
                }
            }
        }

        return groups;
    }

    /// <summary>The parts of <paramref name="text"/> between its top-level commas, trimmed.</summary>
    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = EndOfLiteral(text, i);
            }
            else if (c is '(' or '[' or '{' || (c == '<' && IsTypeArgumentList(text, i)))
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' || (c == '>' && depth > 0 && IsClosingTypeArgumentList(text, i)))
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parts.Add(text.Substring(start, i - start).Trim());
                start = i + 1;
            }
        }

        parts.Add(text.Substring(start).Trim());
        return parts.Where(p => p.Length > 0).ToList();
    }

    /// <summary>Where a <c>//</c> comment starts outside string and character literals, or -1.</summary>
    private static int CommentStart(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '"' or '\'')
            {
                i = EndOfLiteral(text, i);
            }
            else if (text[i] == '/' && text[i + 1] == '/')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The position of the quote that closes the literal opened at <paramref name="start"/> (escapes skipped).</summary>
    private static int EndOfLiteral(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    /// <summary>
    /// Whether the <c>&lt;</c> at <paramref name="position"/> opens a type argument list (<c>Vector128&lt;float&gt;</c>): it
    /// follows a name without a space and is closed by a <c>&gt;</c> with only type syntax between. The generated code
    /// writes a comparison with spaces around it.
    /// </summary>
    private static bool IsTypeArgumentList(string text, int position)
    {
        if (position == 0 || !IsNameCharacter(text[position - 1]))
        {
            return false;
        }

        var depth = 0;
        for (var i = position; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                if (--depth == 0)
                {
                    return true;
                }
            }
            else if (!(IsNameCharacter(c) || c is '.' or ':' or ',' or ' ' or '?' or '[' or ']'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the <c>&gt;</c> at <paramref name="position"/> closes a type argument list (its <c>&lt;</c> opens one).</summary>
    private static bool IsClosingTypeArgumentList(string text, int position)
    {
        var depth = 0;
        for (var i = position; i >= 0; i--)
        {
            if (text[i] == '>')
            {
                depth++;
            }
            else if (text[i] == '<' && --depth == 0)
            {
                return IsTypeArgumentList(text, i);
            }
        }

        return false;
    }

    private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';
}
