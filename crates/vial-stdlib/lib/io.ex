# IO: the parts of Elixir's IO module written in Vial, and the group
# leader. Output goes through the group leader, a process that writes
# what it is sent and replies, as on the BEAM: a process that prints waits
# for the reply, so the lines of processes printing in turn interleave as
# they do on the BEAM (see the VM's `scheduler/group_leader.rs`). The
# `:vial_io` BIFs build the text and do the writing.
defmodule IO do
  def puts(item), do: request(:stdio, :vial_io.line(item))
  def puts(device, item), do: request(device, :vial_io.line(item))

  def write(item), do: request(:stdio, :vial_io.chars(item))
  def write(device, item), do: request(device, :vial_io.chars(item))

  def inspect(item, opts \\ []) do
    request(:stdio, :vial_io.inspect_line(item, opts))
    item
  end

  def inspect(device, item, opts) do
    request(device, :vial_io.inspect_line(item, opts))
    item
  end

  def iodata_length(iodata), do: byte_size(IO.iodata_to_binary(iodata))

  def chardata_to_string(string) when is_binary(string), do: string
  def chardata_to_string(list) when is_list(list), do: List.to_string(list)

  defp request(device, text) do
    ref = :vial_io.request(device, text)

    receive do
      {:io_reply, ^ref, reply} -> reply
    end
  end
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
