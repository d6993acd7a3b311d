# IO.ANSI: ANSI escape sequences (Elixir 1.14's IO.ANSI). Each named
# sequence is a function returning its escape string, and format/2 and
# format_fragment/2 turn the atoms naming them inside chardata into the
# escapes.
defmodule IO.ANSI do
  # The named sequences, as format/2 accepts them.
  @sequences [
    reset: "\e[0m",
    bright: "\e[1m",
    faint: "\e[2m",
    italic: "\e[3m",
    underline: "\e[4m",
    blink_slow: "\e[5m",
    blink_rapid: "\e[6m",
    inverse: "\e[7m",
    reverse: "\e[7m",
    conceal: "\e[8m",
    crossed_out: "\e[9m",
    primary_font: "\e[10m",
    font_1: "\e[11m",
    font_2: "\e[12m",
    font_3: "\e[13m",
    font_4: "\e[14m",
    font_5: "\e[15m",
    font_6: "\e[16m",
    font_7: "\e[17m",
    font_8: "\e[18m",
    font_9: "\e[19m",
    normal: "\e[22m",
    not_italic: "\e[23m",
    no_underline: "\e[24m",
    blink_off: "\e[25m",
    inverse_off: "\e[27m",
    reverse_off: "\e[27m",
    black: "\e[30m",
    red: "\e[31m",
    green: "\e[32m",
    yellow: "\e[33m",
    blue: "\e[34m",
    magenta: "\e[35m",
    cyan: "\e[36m",
    white: "\e[37m",
    default_color: "\e[39m",
    black_background: "\e[40m",
    red_background: "\e[41m",
    green_background: "\e[42m",
    yellow_background: "\e[43m",
    blue_background: "\e[44m",
    magenta_background: "\e[45m",
    cyan_background: "\e[46m",
    white_background: "\e[47m",
    default_background: "\e[49m",
    framed: "\e[51m",
    encircled: "\e[52m",
    overlined: "\e[53m",
    not_framed_encircled: "\e[54m",
    not_overlined: "\e[55m",
    light_black: "\e[90m",
    light_red: "\e[91m",
    light_green: "\e[92m",
    light_yellow: "\e[93m",
    light_blue: "\e[94m",
    light_magenta: "\e[95m",
    light_cyan: "\e[96m",
    light_white: "\e[97m",
    light_black_background: "\e[100m",
    light_red_background: "\e[101m",
    light_green_background: "\e[102m",
    light_yellow_background: "\e[103m",
    light_blue_background: "\e[104m",
    light_magenta_background: "\e[105m",
    light_cyan_background: "\e[106m",
    light_white_background: "\e[107m",
    home: "\e[H",
    clear: "\e[2J",
    clear_line: "\e[2K"
  ]

  # Whether ANSI escapes are emitted by default. Elixir says true only when
  # both stdout and stderr are terminals; Vial cannot tell, and answers
  # false, as Elixir does with its output redirected.
  def enabled?, do: false

  # The colors Inspect uses when asked for syntax colors.
  def syntax_colors do
    [
      atom: :cyan,
      binary: :default_color,
      boolean: :magenta,
      charlist: :yellow,
      list: :default_color,
      map: :default_color,
      nil: :magenta,
      number: :yellow,
      string: :green,
      tuple: :default_color
    ]
  end

  # Text attributes.
  def reset, do: sequence(:reset)
  def bright, do: sequence(:bright)
  def faint, do: sequence(:faint)
  def italic, do: sequence(:italic)
  def underline, do: sequence(:underline)
  def blink_slow, do: sequence(:blink_slow)
  def blink_rapid, do: sequence(:blink_rapid)
  def inverse, do: sequence(:inverse)
  def reverse, do: sequence(:reverse)
  def conceal, do: sequence(:conceal)
  def crossed_out, do: sequence(:crossed_out)
  def normal, do: sequence(:normal)
  def not_italic, do: sequence(:not_italic)
  def no_underline, do: sequence(:no_underline)
  def blink_off, do: sequence(:blink_off)
  def inverse_off, do: sequence(:inverse_off)
  def reverse_off, do: sequence(:reverse_off)
  def framed, do: sequence(:framed)
  def encircled, do: sequence(:encircled)
  def overlined, do: sequence(:overlined)
  def not_framed_encircled, do: sequence(:not_framed_encircled)
  def not_overlined, do: sequence(:not_overlined)

  # Fonts.
  def primary_font, do: sequence(:primary_font)
  def font_1, do: sequence(:font_1)
  def font_2, do: sequence(:font_2)
  def font_3, do: sequence(:font_3)
  def font_4, do: sequence(:font_4)
  def font_5, do: sequence(:font_5)
  def font_6, do: sequence(:font_6)
  def font_7, do: sequence(:font_7)
  def font_8, do: sequence(:font_8)
  def font_9, do: sequence(:font_9)

  # Foreground colors.
  def black, do: sequence(:black)
  def red, do: sequence(:red)
  def green, do: sequence(:green)
  def yellow, do: sequence(:yellow)
  def blue, do: sequence(:blue)
  def magenta, do: sequence(:magenta)
  def cyan, do: sequence(:cyan)
  def white, do: sequence(:white)
  def default_color, do: sequence(:default_color)
  def light_black, do: sequence(:light_black)
  def light_red, do: sequence(:light_red)
  def light_green, do: sequence(:light_green)
  def light_yellow, do: sequence(:light_yellow)
  def light_blue, do: sequence(:light_blue)
  def light_magenta, do: sequence(:light_magenta)
  def light_cyan, do: sequence(:light_cyan)
  def light_white, do: sequence(:light_white)

  # Background colors.
  def black_background, do: sequence(:black_background)
  def red_background, do: sequence(:red_background)
  def green_background, do: sequence(:green_background)
  def yellow_background, do: sequence(:yellow_background)
  def blue_background, do: sequence(:blue_background)
  def magenta_background, do: sequence(:magenta_background)
  def cyan_background, do: sequence(:cyan_background)
  def white_background, do: sequence(:white_background)
  def default_background, do: sequence(:default_background)
  def light_black_background, do: sequence(:light_black_background)
  def light_red_background, do: sequence(:light_red_background)
  def light_green_background, do: sequence(:light_green_background)
  def light_yellow_background, do: sequence(:light_yellow_background)
  def light_blue_background, do: sequence(:light_blue_background)
  def light_magenta_background, do: sequence(:light_magenta_background)
  def light_cyan_background, do: sequence(:light_cyan_background)
  def light_white_background, do: sequence(:light_white_background)

  # One of the 256 colors (0..255) as the foreground.
  def color(code) when is_integer(code) and code >= 0 and code <= 255,
    do: "\e[38;5;#{code}m"

  # The foreground color of red, green and blue levels, each 0..5.
  def color(r, g, b) when r in 0..5 and g in 0..5 and b in 0..5,
    do: color(16 + 36 * r + 6 * g + b)

  # One of the 256 colors (0..255) as the background.
  def color_background(code) when is_integer(code) and code >= 0 and code <= 255,
    do: "\e[48;5;#{code}m"

  # The background color of red, green and blue levels, each 0..5.
  def color_background(r, g, b) when r in 0..5 and g in 0..5 and b in 0..5,
    do: color_background(16 + 36 * r + 6 * g + b)

  # Screen and cursor control.
  def home, do: sequence(:home)
  def clear, do: sequence(:clear)
  def clear_line, do: sequence(:clear_line)

  # The cursor to line and column (0, 0 being the top left corner).
  def cursor(line, column)
      when is_integer(line) and line >= 0 and is_integer(column) and column >= 0,
      do: "\e[#{line};#{column}H"

  # The cursor moved by a count (at least 1) of lines or columns.
  def cursor_up(lines \\ 1) when is_integer(lines) and lines >= 1, do: "\e[#{lines}A"
  def cursor_down(lines \\ 1) when is_integer(lines) and lines >= 1, do: "\e[#{lines}B"
  def cursor_right(columns \\ 1) when is_integer(columns) and columns >= 1, do: "\e[#{columns}C"
  def cursor_left(columns \\ 1) when is_integer(columns) and columns >= 1, do: "\e[#{columns}D"

  # The chardata with each atom naming a sequence replaced by its escape
  # (or dropped when emit? is false), and a reset appended when some atom
  # was replaced. The result is iodata nested to the left, as Elixir
  # builds it. An atom that names no sequence is an ArgumentError.
  def format(ansidata, emit? \\ enabled?()) when is_boolean(emit?),
    do: format(ansidata, [], [], emit?, false, true)

  # As format/2, without the closing reset.
  def format_fragment(ansidata, emit? \\ enabled?()) when is_boolean(emit?),
    do: format(ansidata, [], [], emit?, false, false)

  # Walks the chardata depth first, `pending` holding the tails still to
  # walk; `used?` says whether a sequence was emitted, `reset?` whether to
  # close with a reset then.
  defp format([head | tail], pending, acc, emit?, used?, reset?),
    do: format(head, [tail | pending], acc, emit?, used?, reset?)

  defp format([], [next | pending], acc, emit?, used?, reset?),
    do: format(next, pending, acc, emit?, used?, reset?)

  defp format([], [], acc, true, true, true), do: [acc | sequence(:reset)]
  defp format([], [], acc, _emit?, _used?, _reset?), do: acc

  defp format(name, pending, acc, true, _used?, reset?) when is_atom(name),
    do: format([], pending, [acc | sequence!(name)], true, true, reset?)

  defp format(name, pending, acc, false, used?, reset?) when is_atom(name),
    do: format([], pending, acc, false, used?, reset?)

  defp format(other, pending, acc, emit?, used?, reset?),
    do: format([], pending, [acc, other], emit?, used?, reset?)

  defp sequence(name) do
    {_, escape} = List.keyfind(@sequences, name, 0)
    escape
  end

  defp sequence!(name) do
    case List.keyfind(@sequences, name, 0) do
      {_, escape} -> escape
      nil -> raise ArgumentError, "invalid ANSI sequence specification: #{inspect(name)}"
    end
  end
end
