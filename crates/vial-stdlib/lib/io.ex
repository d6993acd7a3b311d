# IO: the parts of Elixir's IO module written in Vial, and the group
# leader. Output goes through the group leader, a process that writes
# what it is sent and replies, as on the BEAM: a process that prints waits
# for the reply, so the lines of processes printing in turn interleave as
# they do on the BEAM (see the VM's `scheduler/group_leader.rs`). The
# `:vial_io` BIFs build the text and do the writing.
defmodule IO do
  def puts(item), do: puts(:stdio, item)
  def puts(device, %{__struct__: _} = item), do: puts(device, String.Chars.to_string(item))
  def puts(device, item), do: request(device, :vial_io.line(item))

  def write(item), do: write(:stdio, item)
  def write(device, %{__struct__: _} = item), do: write(device, String.Chars.to_string(item))
  def write(device, item), do: request(device, :vial_io.chars(item))

  def binwrite(item), do: write(:stdio, item)
  def binwrite(device, item), do: write(device, item)

  # A warning on stderr (Elixir adds the caller's location there too).
  def warn(message, _stacktrace_or_env \\ []),
    do: puts(:stderr, ["warning: ", IO.chardata_to_string(message)])

  def inspect(item, opts \\ []) do
    request(:stdio, :vial_io.inspect_line(Inspect.__prerender__(item, opts), opts))
    item
  end

  def inspect(device, item, opts) do
    request(device, :vial_io.inspect_line(Inspect.__prerender__(item, opts), opts))
    item
  end

  def iodata_length(iodata), do: byte_size(IO.iodata_to_binary(iodata))

  def chardata_to_string(string) when is_binary(string), do: string
  def chardata_to_string(list) when is_list(list), do: List.to_string(list)

  # Standard input: the prompt goes out through the group leader first.
  # A line keeps its newline; :eof at the end of input.
  def gets(prompt), do: gets(:stdio, prompt)

  def gets(device, prompt) do
    write(device, prompt)
    :vial_io.read(:line)
  end

  # :line, :eof (everything left, or :eof), :all (everything left, or "")
  # or a count of characters.
  def read(what), do: read(:stdio, what)
  def read(_device, what), do: :vial_io.read(what)
  def binread(what), do: binread(:stdio, what)
  def binread(_device, what), do: :vial_io.read(what)

  defp request(device, text) do
    ref = :vial_io.request(device, text)

    receive do
      {:io_reply, ^ref, reply} -> reply
    end
  end
end

# OTP's io module: output through the group leader, as IO's. The text of
# format/fwrite is :io_lib.format's (Erlang's control sequences).
defmodule :io do
  def format(format), do: format(format, [])
  def format(format, args), do: IO.write(:vial_io.format(format, args))
  def format(device, format, args), do: IO.write(device, :vial_io.format(format, args))
  def fwrite(format), do: format(format, [])
  def fwrite(format, args), do: format(format, args)
  def fwrite(device, format, args), do: format(device, format, args)
  def put_chars(chars), do: IO.write(chars)
  def put_chars(device, chars), do: IO.write(device, chars)
  def nl, do: IO.write("\n")
  def nl(device), do: IO.write(device, "\n")
  def write(term), do: IO.write(:vial_io.format("~w", [term]))
end

defmodule Vial.GroupLeader do
  def loop do
    receive do
      {:io_request, from, ref, {:put_chars, device, text}} ->
        :vial_io.write(device, text)
        send(from, {:io_reply, ref, :ok})
    end

    loop()
  end
end
