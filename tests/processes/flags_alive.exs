defmodule T do
  def main do
    IO.inspect(Process.flag(:trap_exit, true), label: "first set")
    IO.inspect(Process.flag(:trap_exit, true), label: "set again")
    IO.inspect(Process.flag(:trap_exit, false), label: "unset")
    IO.inspect(Process.alive?(self()), label: "self alive")
    {pid, ref} = spawn_monitor(fn -> :ok end)
    receive do: ({:DOWN, ^ref, :process, ^pid, _} -> :ok)
    IO.inspect(Process.alive?(pid), label: "finished alive")
    IO.inspect(node(), label: "node")
    IO.inspect(is_reference(make_ref()), label: "make_ref")
    IO.inspect(self() in Process.list(), label: "self listed")
    IO.inspect(pid in Process.list(), label: "dead listed")

    try do
      Process.flag(:trap_exit, :maybe)
    rescue
      e -> IO.inspect(e, label: "bad flag value")
    end

    try do
      Process.flag(:no_such_flag, true)
    rescue
      e -> IO.inspect(e, label: "bad flag")
    end
  end
end

T.main()
