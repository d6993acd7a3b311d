# Exception.format_exit/1 for OTP's reasons with sentences of their own.
for r <- [{:shutdown, {:failed_to_start_child, :a, :b}}, {:shutdown, {:failed_to_start_child, :a, {:bad_return_value, 1}}}, {:bad_return_value, 1}, {:bad_call, :x}, {:bad_cast, :y}, {:shutdown, :x},
  {:shutdown, {:failed_to_start_child, :a, {%RuntimeError{message: "boom"}, [{M, :f, 1, [file: 'x.ex', line: 3]}]}}},
  {:start_spec, :x}, {:supervisor_data, :y}, {:bad_start_spec, 1}, {:nodedown, :n@h}, {:killed, {GenServer, :call, [:p, :m, 5000]}}] do
  IO.puts(Exception.format_exit(r))
  IO.puts("--")
end
