namespace Advisor.Bot.Text;

/// <summary>
/// The toneless pinyin reading of each common Chinese character (Data/pinyin.txt), as a small number per
/// reading, so that two characters typed with the same keys on a pinyin keyboard compare equal
/// (令 and 龄 are both <c>ling</c>).
/// </summary>
internal sealed class Pinyin
{
    private const char First = '\u4E00';
    private const char Last = '\u9FA5';

    private readonly short[] _readings = new short[Last - First + 1];
    private readonly List<string> _names = [""];

    private Pinyin()
    {
    }

    /// <summary>How many readings there are (ids run from 1 to this).</summary>
    public int Count => _names.Count - 1;

    /// <summary>Loads the generated table: one reading a line, followed by its characters.</summary>
    public static Pinyin Load(string path)
    {
        var pinyin = new Pinyin();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
                throw new InvalidDataException($"{path}: a line must be 'reading characters': '{line}'.");

            pinyin._names.Add(line[..space]);
            var id = (short)(pinyin._names.Count - 1);
            foreach (var c in line.AsSpan(space + 1))
            {
                if (c is >= First and <= Last)
                    pinyin._readings[c - First] = id;
            }
        }

        return pinyin;
    }

    /// <summary>The reading's id, or 0 for characters without one (digits, letters, rare characters).</summary>
    public int ReadingOf(char c) => c is >= First and <= Last ? _readings[c - First] : 0;

    /// <summary>The reading's letters, for diagnostics.</summary>
    public string NameOf(int id) => id > 0 && id < _names.Count ? _names[id] : string.Empty;
}
