package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.Setting;
import dev.bluegreen.watcher.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's options built from the settings table ({@link Setting}), so that each flag's name,
 * label, help, environment variable and default are written once, and read back as {@link
 * Settings}. A command names the settings it reads with a subclass given as its {@code
 * modelTransformer}; picocli calls {@link #transform} before parsing anything.
 */
class SettingOptions implements IModelTransformer {
  private final List<Setting> settings;

  SettingOptions(List<Setting> settings) {
    this.settings = settings;
  }

  @Override
  public CommandSpec transform(CommandSpec spec) {
    for (Setting setting : settings) {
      spec.addOption(option(setting, setting.doc()));
      if (setting.deprecatedFlag() != null) {
        spec.addOption(deprecatedOption(setting));
      }
    }
    return spec;
  }

  /** The option of {@code setting}, described by {@code doc}, its variable and its default. */
  static OptionSpec option(Setting setting, String doc) {
    OptionSpec.Builder option =
        OptionSpec.builder(setting.flag())
            .paramLabel(setting.paramLabel())
            .type(String.class) // validated by the config records, as the environment is
            .description(
                doc
                    + " Env "
                    + setting.name()
                    + ", default "
                    + setting.defaultValue().shown()
                    + ".");
    if (setting.isSwitch()) {
      option.arity("0..1").fallbackValue("true");
    }
    return option.build();
  }

  private static OptionSpec deprecatedOption(Setting setting) {
    return OptionSpec.builder(setting.deprecatedFlag())
        .paramLabel(setting.paramLabel())
        .type(String.class)
        .description(
            "Deprecated: use "
                + setting.flag()
                + " (env "
                + setting.deprecatedName()
                + ": use "
                + setting.name()
                + "). The old names still work, with a warning, until the next release.")
        .build();
  }

  /** The values of {@code spec}'s table options, over {@code env}. */
  static Settings read(CommandSpec spec, Map<String, String> env) {
    Map<String, Settings.Flag> flags = new HashMap<>();
    for (Setting setting : Setting.values()) {
      put(flags, spec, setting.name(), setting.flag());
      if (setting.deprecatedFlag() != null) {
        put(flags, spec, setting.deprecatedName(), setting.deprecatedFlag());
      }
    }
    return new Settings(flags, env);
  }

  private static void put(
      Map<String, Settings.Flag> flags, CommandSpec spec, String name, String flag) {
    OptionSpec option = spec.findOption(flag);
    if (option != null) {
      flags.put(name, new Settings.Flag(flag, option.getValue()));
    }
  }
}
