defmodule T do
  def run(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts("#{label}: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}")
    end
  end
end
T.run("1", fn -> IO.ANSI.format(["Hello, ", :red, :bright, "world!"], true) end)
T.run("2", fn -> IO.ANSI.format(["Hello, ", :red, :bright, "world!"], false) end)
T.run("3", fn -> IO.ANSI.format(["Hello, ", :red, :bright, "world!"]) end)
T.run("4", fn -> IO.ANSI.format_fragment([:bright, 'Word'], true) end)
T.run("5", fn -> IO.ANSI.format_fragment([:bright, 'Word'], false) end)
T.run("6", fn -> IO.ANSI.format("plain", true) end)
T.run("7", fn -> IO.ANSI.format("plain", false) end)
T.run("8", fn -> IO.ANSI.format(:red, true) end)
T.run("9", fn -> IO.ANSI.format(:red, false) end)
T.run("10", fn -> IO.ANSI.format([], true) end)
T.run("11", fn -> IO.ANSI.format(["a", "b"], true) end)
T.run("12", fn -> IO.ANSI.format([:foo, "b"], true) end)
T.run("13", fn -> IO.ANSI.format([:foo, "b"], false) end)
T.run("14", fn -> IO.ANSI.format(["a" | "b"], true) end)
T.run("15", fn -> IO.ANSI.format([:red | "b"], true) end)
T.run("16", fn -> IO.ANSI.format([["a", :green], [:reset, ?x]], true) end)
T.run("17", fn -> IO.ANSI.format([:color, "x"], true) end)
T.run("18", fn -> IO.ANSI.format([1.5], true) end)
T.run("19", fn -> IO.ANSI.format([{:a, 1}], true) end)
T.run("20", fn -> IO.ANSI.format(123, true) end)
T.run("21", fn -> IO.ANSI.format([:cursor_up, :clear, :home, :clear_line], true) end)
T.run("22", fn -> IO.ANSI.format([:syntax_colors], true) end)
T.run("23", fn -> IO.ANSI.format([:enabled?], true) end)
T.run("24", fn -> IO.ANSI.format([:light_red_background, :font_3, :color1], true) end)
T.run("25", fn -> IO.ANSI.format([:cursor_down, :cursor_left, :cursor_right], true) end)
T.run("26", fn -> IO.ANSI.format([:format], true) end)
T.run("27", fn -> IO.ANSI.format([nil], true) end)
T.run("28", fn -> IO.ANSI.format([true, false], true) end)
T.run("29", fn -> IO.ANSI.format_fragment(:red, true) end)
T.run("30", fn -> IO.ANSI.format_fragment("x", true) end)
T.run("31", fn -> IO.ANSI.format_fragment([], true) end)
T.run("32", fn -> IO.ANSI.format_fragment([], false) end)
T.run("33", fn -> IO.ANSI.format([[], []], true) end)
T.run("34", fn -> IO.ANSI.format([[:red]], true) end)
T.run("35", fn -> IO.ANSI.format(['abc', 'd' | 'e'], true) end)
T.run("36", fn -> IO.ANSI.format(['abc' | :red], true) end)
T.run("37", fn -> IO.ANSI.format([:red, :blue], "yes") end)
T.run("38", fn -> IO.ANSI.format([:red, :blue], nil) end)
T.run("39", fn -> IO.ANSI.format_fragment([:red, :blue], nil) end)
T.run("40", fn -> IO.ANSI.format([-1], true) end)
T.run("41", fn -> IO.ANSI.format([0x110000], true) end)
T.run("42", fn -> IO.ANSI.format([:red, "a"], true) |> IO.iodata_to_binary() end)
T.run("43", fn -> IO.ANSI.format([:red, "a"], true) |> IO.chardata_to_string() end)
T.run("44", fn -> IO.ANSI.format(:foo, false) end)
T.run("45", fn -> IO.ANSI.format(:foo, true) end)
T.run("46", fn -> IO.ANSI.format(:reset, true) end)
T.run("47", fn -> IO.ANSI.format([:red | :blue], true) end)
for n <- [0, 1, 15, 16, 255, 256, -1, 1.0, :a] do
  T.run("color #{inspect n}", fn -> IO.ANSI.color(n) end)
  T.run("color_background #{inspect n}", fn -> IO.ANSI.color_background(n) end)
end
for {r, g, b} <- [{0, 0, 0}, {5, 5, 5}, {1, 2, 3}, {6, 0, 0}, {0, -1, 0}, {0, 0, 1.0}] do
  T.run("color #{inspect {r, g, b}}", fn -> IO.ANSI.color(r, g, b) end)
  T.run("color_background #{inspect {r, g, b}}", fn -> IO.ANSI.color_background(r, g, b) end)
end
for f <- [:cursor_up, :cursor_down, :cursor_left, :cursor_right], n <- [1, 5, 100, 0, -1, :x] do
  T.run("#{f} #{inspect n}", fn -> apply(IO.ANSI, f, [n]) end)
end
for {l, c} <- [{0, 0}, {3, 7}, {-1, 2}, {100, 200}, {1.0, 2}, {:a, 1}] do
  T.run("cursor #{inspect {l, c}}", fn -> IO.ANSI.cursor(l, c) end)
end
fs = [:black, :black_background, :blink_off, :blink_rapid, :blink_slow, :blue, :blue_background, :bright, :clear, :clear_line, :conceal, :crossed_out, :cursor_down, :cursor_left, :cursor_right, :cursor_up, :cyan, :cyan_background, :default_background, :default_color, :enabled?, :encircled, :faint, :font_1, :font_2, :font_3, :font_4, :font_5, :font_6, :font_7, :font_8, :font_9, :framed, :green, :green_background, :home, :inverse, :inverse_off, :italic, :light_black, :light_black_background, :light_blue, :light_blue_background, :light_cyan, :light_cyan_background, :light_green, :light_green_background, :light_magenta, :light_magenta_background, :light_red, :light_red_background, :light_white, :light_white_background, :light_yellow, :light_yellow_background, :magenta, :magenta_background, :no_underline, :normal, :not_framed_encircled, :not_italic, :not_overlined, :overlined, :primary_font, :red, :red_background, :reset, :reverse, :reverse_off, :syntax_colors, :underline, :white, :white_background, :yellow, :yellow_background]
for f <- fs do
  IO.puts("#{f} #{inspect(apply(IO.ANSI, f, []))}")
  T.run("format #{f}", fn -> IO.ANSI.format_fragment([f, "x"], true) end)
end
IO.puts(IO.ANSI.format([:red, "red text ", :bright, :blue_background, "bold", :reset, " plain"], true))
IO.puts(IO.ANSI.red() <> "direct" <> IO.ANSI.reset())
IO.puts(IO.ANSI.format([:green, "no color"]))
IO.inspect(IO.ANSI.format(["a", ["b", [:red, ["c" | "d"]]], 'ef'], true))
IO.inspect(IO.ANSI.format_fragment(["a", ["b", [:red, ["c" | "d"]]], 'ef'], true))
IO.inspect(IO.ANSI.format(["a", ["b", [:red, ["c" | "d"]]], 'ef'], false))
