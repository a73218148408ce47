namespace ResidencyPS.Help;

/// <summary>
/// Just enough markdown for help pages: front matter, one H1, H2 sections, H3 subsections,
/// paragraphs and fenced code blocks. Headings inside code blocks are left alone.
/// </summary>
public sealed class MarkdownDocument
{
    /// <summary>Front matter keys and values.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The H1 text.</summary>
    public string? Title { get; private set; }

    /// <summary>The H2 sections.</summary>
    public List<MarkdownSection> Sections { get; } = new();

    /// <summary>Parses markdown text.</summary>
    public static MarkdownDocument Parse(string text, string file)
    {
        var doc = new MarkdownDocument();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    doc.Metadata[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
            }

            if (i == lines.Length)
            {
                throw new HelpFormatException(file, 1, "The front matter is not closed by '---'.");
            }

            i++;
        }

        MarkdownSection? section = null;
        MarkdownSection? sub = null;
        var inFence = false;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.StartsWith("# ", StringComparison.Ordinal) && doc.Title == null)
            {
                doc.Title = line[2..].Trim();
            }
            else if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = new MarkdownSection(line[3..].Trim(), file, i + 1);
                sub = null;
                doc.Sections.Add(section);
            }
            else if (!inFence && line.StartsWith("### ", StringComparison.Ordinal) && section != null)
            {
                sub = new MarkdownSection(line[4..].Trim(), file, i + 1);
                section.Subsections.Add(sub);
            }
            else
            {
                (sub ?? section)?.Body.Add(line);
            }
        }

        if (inFence)
        {
            throw new HelpFormatException(file, lines.Length, "A code block is not closed.");
        }

        return doc;
    }
}

/// <summary>A heading with the lines under it (and, for H2, its H3 subsections).</summary>
public sealed class MarkdownSection(string title, string file, int line)
{
    /// <summary>The heading text.</summary>
    public string Title { get; } = title;

    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>The heading's line.</summary>
    public int Line { get; } = line;

    /// <summary>The lines before the first subsection.</summary>
    public List<string> Body { get; } = new();

    /// <summary>H3 subsections.</summary>
    public List<MarkdownSection> Subsections { get; } = new();

    /// <summary>The paragraphs of the body, each joined into one line; code blocks are skipped.</summary>
    public List<string> Paragraphs() => Blocks().Where(b => b.Fence == null).Select(b => b.Text).ToList();

    /// <summary>Paragraphs (Fence null, lines joined by spaces; list items kept one per line) and fenced blocks (text verbatim).</summary>
    public IEnumerable<MarkdownBlock> Blocks()
    {
        var paragraph = new List<string>();
        List<string>? fence = null;
        string fenceInfo = string.Empty;
        foreach (var raw in Body)
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (fence == null)
                {
                    if (paragraph.Count > 0)
                    {
                        yield return new MarkdownBlock(null, JoinParagraph(paragraph));
                        paragraph.Clear();
                    }

                    fenceInfo = line.Trim()[3..].Trim();
                    fence = new List<string>();
                }
                else
                {
                    yield return new MarkdownBlock(fenceInfo, string.Join("\n", fence));
                    fence = null;
                }
            }
            else if (fence != null)
            {
                fence.Add(raw.TrimEnd());
            }
            else if (line.Length == 0)
            {
                if (paragraph.Count > 0)
                {
                    yield return new MarkdownBlock(null, JoinParagraph(paragraph));
                    paragraph.Clear();
                }
            }
            else
            {
                paragraph.Add(line.Trim());
            }
        }

        if (paragraph.Count > 0)
        {
            yield return new MarkdownBlock(null, JoinParagraph(paragraph));
        }
    }

    // List items stay on lines of their own; other lines of a paragraph are one flowing line.
    private static string JoinParagraph(List<string> lines) =>
        string.Join(string.Empty, lines.Select((l, i) => i == 0 ? l : (l.StartsWith("- ", StringComparison.Ordinal) ? "\n" : " ") + l));
}

/// <summary>A paragraph (no fence) or a fenced code block with its info string.</summary>
public sealed record MarkdownBlock(string? Fence, string Text);
