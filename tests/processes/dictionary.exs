defmodule T do
  def main do
    parent = self()

    spawn(fn ->
      r = [
        Process.get(:a),
        Process.put(:a, 1),
        Process.put(:a, 2),
        Process.get(:a),
        Process.get(:missing, :default),
        Process.put({:tuple, "key"}, [1, 2]),
        Process.get({:tuple, "key"}),
        Process.get_keys() |> Enum.sort(),
        Process.delete(:a),
        Process.delete(:a),
        Process.get(:a),
        Process.get()
      ]

      send(parent, {:dict, r})
    end)

    receive do: ({:dict, r} -> IO.inspect(r))
  end
end

T.main()
