defmodule T do
  def idle do
    receive do
      {:ping, from} ->
        send(from, :pong)
        idle()

      :stop ->
        :ok
    end
  end

  def main do
    IO.inspect(Process.whereis(:svc), label: "whereis before")
    pid = spawn(&idle/0)
    IO.inspect(Process.register(pid, :svc), label: "register")
    IO.inspect(Process.whereis(:svc) == pid, label: "whereis")
    IO.inspect(:svc in Process.registered(), label: "in registered")
    IO.inspect(Process.info(pid, :registered_name), label: "info name")
    send(:svc, {:ping, self()})
    receive do: (:pong -> IO.puts("pong via name"))

    for {what, f} <- [
          {"taken name", fn -> Process.register(self(), :svc) end},
          {"second name", fn -> Process.register(pid, :other) end},
          {"nil name", fn -> Process.register(self(), nil) end},
          {"send to unknown", fn -> send(:nope, :hi) end},
          {"unregister unknown", fn -> Process.unregister(:nope) end}
        ] do
      try do
        f.()
      rescue
        e in ArgumentError ->
          msg = e.message |> String.replace(inspect(self()), "SELF") |> String.replace(inspect(pid), "PID")
          IO.inspect(msg, label: what)

        e ->
          IO.inspect(e, label: what)
      end
    end

    ref = Process.monitor(pid)
    send(:svc, :stop)

    receive do
      {:DOWN, ^ref, :process, ^pid, :normal} ->
        IO.inspect(Process.whereis(:svc), label: "whereis after owner exit")
    end

    Process.register(self(), :me)
    IO.inspect(Process.info(self(), :registered_name), label: "own name")
    IO.inspect(Process.unregister(:me), label: "unregister")
    IO.inspect(Process.info(self(), :registered_name), label: "no name")
    IO.inspect(:erlang.whereis(:me), label: "erlang whereis")
  end
end

T.main()
