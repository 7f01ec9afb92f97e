using System.Buffers.Binary;
using System.IO.Compression;

namespace Dashboard.E2E;

/// <summary>
/// Reads the 8-bit RGB/RGBA, non-interlaced PNGs Chromium takes as screenshots into pixels, so a test can compare two
/// looks of the same box by luminance contrast (WCAG's formula). Nothing else is supported or needed.
/// </summary>
internal sealed class PngPixels
{
    private PngPixels(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    private readonly byte[] _rgb;

    public int Width { get; }

    public int Height { get; }

    /// <summary>Relative luminance of pixel (x, y).</summary>
    public double Luminance(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return (0.2126 * Linear(_rgb[i])) + (0.7152 * Linear(_rgb[i + 1])) + (0.0722 * Linear(_rgb[i + 2]));
    }

    /// <summary>How many pixels differ between two looks of the same box by a contrast ratio of at least <paramref name="ratio"/>.</summary>
    public static int PixelsChangedBy(PngPixels a, PngPixels b, double ratio)
    {
        var count = 0;
        for (var y = 0; y < Math.Min(a.Height, b.Height); y++)
        {
            for (var x = 0; x < Math.Min(a.Width, b.Width); x++)
            {
                var (l1, l2) = (a.Luminance(x, y), b.Luminance(x, y));
                if ((Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05) >= ratio)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public static PngPixels Read(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        using var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                if (body[8] != 8 || body[12] != 0 || body[9] is not (2 or 6))
                {
                    throw new NotSupportedException("Only 8-bit RGB/RGBA non-interlaced PNGs are read.");
                }

                channels = body[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                data.Write(body);
            }

            at += 12 + length;
        }

        data.Position = 0;
        using var inflate = new ZLibStream(data, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[height * (stride + 1)];
        inflate.ReadExactly(raw);
        var rows = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[(y * (stride + 1)) + 1 + x];
                int left = x >= channels ? rows[(y * stride) + x - channels] : 0;
                int up = y > 0 ? rows[((y - 1) * stride) + x] : 0;
                int upLeft = x >= channels && y > 0 ? rows[((y - 1) * stride) + x - channels] : 0;
                rows[(y * stride) + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + left,
                    2 => value + up,
                    3 => value + ((left + up) / 2),
                    4 => value + Paeth(left, up, upLeft),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
        }

        var rgb = new byte[width * height * 3];
        for (var p = 0; p < width * height; p++)
        {
            rgb[p * 3] = rows[p * channels];
            rgb[(p * 3) + 1] = rows[(p * channels) + 1];
            rgb[(p * 3) + 2] = rows[(p * channels) + 2];
        }

        return new PngPixels(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
