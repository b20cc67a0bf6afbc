package org.presenceagent.jmx;

import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;

/**
 * A standard MBean whose operations, parameters and attributes carry names and descriptions a
 * console shows, instead of the {@code p1}, {@code p2} a compiled interface leaves (parameter
 * names are not kept in class files).
 */
final class DescribedMBean<T> extends StandardMBean {

  /** What a console shows of one operation. */
  record Operation(String description, List<String> parameterNames) {}

  private final Map<String, Operation> operations;
  private final Map<String, String> attributes;

  /**
   * @param operations by operation name
   * @param attributes description by attribute name
   */
  DescribedMBean(T implementation, Class<T> mbeanInterface, boolean mxbean, Map<String, Operation> operations,
      Map<String, String> attributes) throws NotCompliantMBeanException {
    super(implementation, mbeanInterface, mxbean);
    this.operations = Map.copyOf(operations);
    this.attributes = Map.copyOf(attributes);
  }

  @Override
  protected String getDescription(MBeanOperationInfo info) {
    Operation operation = operations.get(info.getName());
    return operation == null ? super.getDescription(info) : operation.description();
  }

  @Override
  protected String getParameterName(MBeanOperationInfo info, MBeanParameterInfo parameter, int sequence) {
    Operation operation = operations.get(info.getName());
    return operation == null || sequence >= operation.parameterNames().size()
        ? super.getParameterName(info, parameter, sequence)
        : operation.parameterNames().get(sequence);
  }

  @Override
  protected String getDescription(MBeanAttributeInfo info) {
    return attributes.getOrDefault(info.getName(), super.getDescription(info));
  }
}
